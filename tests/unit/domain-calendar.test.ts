import { describe, expect, test } from 'vitest';
import { visitCalendarFile } from '../../src/domain/calendar.ts';
import type { BookedPerson } from '../../src/domain/booking-view.ts';
import { manageLinkHash, parseManageLinkHash } from '../../src/domain/manage-link.ts';

const person = (code: string, name: string, queue: number): BookedPerson => ({
  code,
  queue_no: queue,
  status: 'confirmed',
  full_name: name,
  application_kind: 'conversion',
  organisation: null,
  shift: { id: 4, starts_at: '2026-11-24T10:00:00+00:00', ends_at: '2026-11-24T15:00:00+00:00' },
  session: { id: 2, date: '2026-11-24', cancelled_at: null, cancel_reason: null, demonstration: false },
  site: { id: 1, name: 'Công an phường Phú Hội', kind: 'police_station', address: 'Số 9 Nguyễn Công Trứ', access_notes: null, lat: 16.46, lng: 107.59 },
});

describe('the calendar file of a visit', () => {
  test('holds the shift in UTC, the place and every code with its queue number', async () => {
    const ics = await visitCalendarFile([person('K7M29QX4T', 'Nguyễn Văn An', 12), person('ABCD1234A', 'Trần Thị Bình', 13)], {
      title: 'Làm căn cước',
      lines: ['Mang theo CMND cũ'],
      manageUrl: 'https://example.vn/vi/booking/#code=K7M29QX4T&t=x',
    });
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VEVENT');
    expect(unfolded).toContain('DTSTART:20261124T100000Z');
    expect(unfolded).toContain('DTEND:20261124T150000Z');
    expect(unfolded).toContain('SUMMARY:Làm căn cước');
    expect(unfolded).toContain('LOCATION:Công an phường Phú Hội\\, Số 9 Nguyễn Công Trứ');
    expect(unfolded).toContain('K7M2-9QX4T – Nguyễn Văn An (12)');
    expect(unfolded).toContain('ABCD-1234A – Trần Thị Bình (13)');
    expect(unfolded).toContain('BEGIN:VALARM');
  });
});

describe('the private link of a booking', () => {
  test('carries the code and token in the fragment and reads them back', () => {
    const link = { code: 'K7M29QX4T', token: 'a'.repeat(43) };
    expect(manageLinkHash(link)).toBe(`#code=K7M29QX4T&t=${'a'.repeat(43)}`);
    expect(parseManageLinkHash(manageLinkHash(link))).toEqual(link);
  });

  test('ignores a fragment without a proper token', () => {
    expect(parseManageLinkHash('#code=K7M29QX4T&t=short')).toBeNull();
    expect(parseManageLinkHash('')).toBeNull();
  });
});
