// The scheduled jobs: their intervals in pg_cron's words, the intervals pg_cron cannot say
// refused, and registration that does nothing where pg_cron is absent (as here).
import { describe, expect, it } from 'vitest';
import { sql } from './support/fixtures.ts';

describe('scheduled jobs', () => {
  it('says each interval as pg_cron does, hourly and daily jobs from 03:00 in Viet Nam', async () => {
    const rows = await sql<{ every: string; schedule: string }>(
      `select every::text, private.cron_schedule(every) as schedule
       from unnest(array['30 seconds', '1 minute', '10 minutes', '6 hours', '24 hours']::interval[]) as every`,
    );
    expect(rows.map((row) => row.schedule)).toEqual(['30 seconds', '* * * * *', '*/10 * * * *', '0 2,8,14,20 * * *', '0 20 * * *']);
  });

  it('refuses an interval pg_cron cannot run', async () => {
    for (const every of ['90 seconds', '7 minutes', '5 hours', '2 days', '1.5 seconds']) {
      await expect(
        sql(`insert into private.scheduled_jobs (name, every, command, comment) values ('odd', $1, 'select 1', 'test')`, [every]),
        every,
      ).rejects.toThrow(/scheduled_jobs_every_check/);
    }
  });

  it('registers nothing, and fails nothing, where pg_cron is not installed', async () => {
    const rows = await sql<{ scheduled: number }>('select private.schedule_jobs() as scheduled');
    expect(rows[0]!.scheduled).toBe(0);
  });
});
