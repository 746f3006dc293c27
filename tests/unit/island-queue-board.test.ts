import { describe, expect, test } from 'vitest';
import { newlyCalled, readSessionId, type Board } from '../../src/islands/queue/board.ts';

const shift = (id: number, nowServing: number, at: string | null) => ({
  id,
  starts_at: '2026-11-24T00:00:00Z',
  ends_at: '2026-11-24T04:00:00Z',
  now_serving: nowServing,
  now_serving_at: at,
  last_queue_no: 9,
  called_before: [],
});
const board = (...shifts: ReturnType<typeof shift>[]): Board => ({
  session_id: 1,
  date: '2026-11-24',
  cancelled_at: null,
  site: { name: 'Nhà văn hóa', address: 'Số 1' },
  shifts,
  as_of: '2026-11-24T01:00:00Z',
});

describe('what the board announces between two reads', () => {
  test('a shift that called a new number, and one that called the same number again', () => {
    const before = board(shift(1, 3, '2026-11-24T00:10:00Z'), shift(2, 5, '2026-11-24T00:11:00Z'), shift(3, 0, null));
    const after = board(shift(1, 4, '2026-11-24T00:12:00Z'), shift(2, 5, '2026-11-24T00:13:00Z'), shift(3, 0, null));
    expect(newlyCalled(before, after).map((each) => [each.id, each.now_serving])).toEqual([
      [1, 4],
      [2, 5],
    ]);
  });

  test('nothing when no call was made', () => {
    const same = board(shift(1, 3, '2026-11-24T00:10:00Z'));
    expect(newlyCalled(same, board(shift(1, 3, '2026-11-24T00:10:00Z')))).toEqual([]);
  });
});

test('the session of the address', () => {
  expect(readSessionId('?session=12')).toBe(12);
  expect(readSessionId('?session=abc')).toBeNull();
});
