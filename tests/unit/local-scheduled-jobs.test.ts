// The local stack runs scheduled jobs when pg_cron would: daily ones at 20:00 UTC (03:00 in Viet Nam).
import { expect, test } from 'vitest';
import { firstRunDelay } from '../../supabase/local/jobs.ts';

const minute = 60_000;
const hour = 60 * minute;

test('a daily job first runs at the next 20:00 UTC', () => {
  expect(firstRunDelay(24 * hour, new Date('2026-12-05T19:00:00Z'))).toBe(hour);
  expect(firstRunDelay(24 * hour, new Date('2026-12-05T21:30:00Z'))).toBe(22 * hour + 30 * minute);
  expect(firstRunDelay(24 * hour, new Date('2026-12-05T20:00:00Z'))).toBe(24 * hour);
});

test('an hourly or minute job first runs on the clock, a seconds job after its interval', () => {
  expect(firstRunDelay(6 * hour, new Date('2026-12-05T03:15:00Z'))).toBe(4 * hour + 45 * minute);
  expect(firstRunDelay(10 * minute, new Date('2026-12-05T03:14:30Z'))).toBe(5 * minute + 30_000);
  expect(firstRunDelay(30_000, new Date('2026-12-05T03:14:29Z'))).toBe(30_000);
});
