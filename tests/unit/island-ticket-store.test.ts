import { describe, expect, test } from 'vitest';
import { safeParse } from 'zod/mini';
import { bookingViewSchema } from '../../src/domain/booking-view.ts';
import { withDemonstrationFlag } from '../../src/islands/shared/ticket-store.ts';

// A ticket as saved on a device before booking_view said whether the campaign is a demonstration.
const savedBefore = {
  ok: true,
  token: null,
  phone_masked: '09******12',
  bookings: [
    {
      code: 'K7M29QX4T',
      queue_no: 12,
      status: 'confirmed',
      full_name: 'Nguyễn Văn An',
      application_kind: 'conversion',
      organisation: null,
      shift: { id: 4, starts_at: '2026-11-24T10:00:00+00:00', ends_at: '2026-11-24T15:00:00+00:00' },
      session: { id: 2, date: '2026-11-24', cancelled_at: null, cancel_reason: null },
      site: { id: 1, name: 'Công an phường Phú Hội', kind: 'police_station', address: 'Số 9 Nguyễn Công Trứ', access_notes: null, lat: 16.46, lng: 107.59 },
    },
  ],
};

describe('a ticket saved before the demonstration flag', () => {
  test('is not an answer the site accepts from the database', () => {
    expect(safeParse(bookingViewSchema, savedBefore).success).toBe(false);
  });

  test('is kept on the device, read as a real campaign', () => {
    const read = safeParse(bookingViewSchema, withDemonstrationFlag(savedBefore));
    expect(read.success && read.data.bookings.map((booking) => booking.session.demonstration)).toEqual([false]);
  });

  test('keeps the flag a newer ticket has', () => {
    const demonstration = { ...savedBefore, bookings: savedBefore.bookings.map((b) => ({ ...b, session: { ...b.session, demonstration: true } })) };
    const read = safeParse(bookingViewSchema, withDemonstrationFlag(demonstration));
    expect(read.success && read.data.bookings.map((booking) => booking.session.demonstration)).toEqual([true]);
  });
});
