import { describe, expect, test } from 'vitest';
import { bookableShifts, type SessionWithShifts } from '../../src/domain/assisted-booking.ts';

const now = new Date('2026-12-05T06:00:00Z');
const shift = (id: number, starts_at: string, ends_at: string, capacity = 50, booked = 0) => ({ id, starts_at, ends_at, capacity, booked });
const session = (overrides: Partial<SessionWithShifts>): SessionWithShifts => ({
  session_date: '2026-12-05',
  published: true,
  cancelled_at: null,
  site: { name: 'Công an phường Phú Hội' },
  shifts: [],
  ...overrides,
});

describe('bookableShifts', () => {
  test('lists the shifts not yet over of published sessions, soonest first, with their places left', () => {
    const choices = bookableShifts(
      [
        session({ session_date: '2026-12-07', site: { name: 'Nhà văn hoá Vĩnh Ninh' }, shifts: [shift(7, '2026-12-07T00:00:00Z', '2026-12-07T05:00:00Z', 60, 12)] }),
        session({ shifts: [shift(1, '2026-12-05T00:00:00Z', '2026-12-05T05:00:00Z'), shift(2, '2026-12-05T05:00:00Z', '2026-12-05T10:00:00Z', 50, 49)] }),
      ],
      now,
    );
    expect(choices).toEqual([
      { id: 2, date: '2026-12-05', starts_at: '2026-12-05T05:00:00Z', ends_at: '2026-12-05T10:00:00Z', site: 'Công an phường Phú Hội', placesLeft: 1 },
      { id: 7, date: '2026-12-07', starts_at: '2026-12-07T00:00:00Z', ends_at: '2026-12-07T05:00:00Z', site: 'Nhà văn hoá Vĩnh Ninh', placesLeft: 48 },
    ]);
  });

  test('leaves out drafts, called-off sessions and full shifts', () => {
    const later = shift(3, '2026-12-09T00:00:00Z', '2026-12-09T05:00:00Z');
    expect(
      bookableShifts(
        [
          session({ published: false, shifts: [later] }),
          session({ cancelled_at: '2026-12-04T08:00:00Z', shifts: [later] }),
          session({ shifts: [shift(4, '2026-12-09T00:00:00Z', '2026-12-09T05:00:00Z', 30, 30)] }),
        ],
        now,
      ),
    ).toEqual([]);
  });
});
