// The local stand-in for pg_cron: runs every row of private.scheduled_jobs at the times pg_cron
// would (private.cron_schedule: minute jobs on the clock's minutes, hourly and daily ones counted
// from 20:00 UTC, 03:00 in Viet Nam), as postgres (the role pg_cron runs a job as when postgres
// scheduled it). A job of an hour or more also runs once at start: a local stack is seldom up at
// 03:00, and the daily purge must still run on the days it is. Read once at start: jobs come with
// migrations, which run before.
import pg from 'pg';

export interface ScheduledJobs {
  names: string[];
  stop: () => Promise<void>;
}

const minute = 60_000;
const hour = 60 * minute;

/** How long from `now` until pg_cron would next run a job that runs every `everyMs`. */
export function firstRunDelay(everyMs: number, now: Date): number {
  // pg_cron counts seconds from when it scheduled the job.
  if (everyMs < minute) return everyMs;
  const anchor = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 20);
  return (((anchor - now.getTime()) % everyMs) + everyMs) % everyMs || everyMs;
}

export async function startScheduledJobs(dbUrl: string, log: (line: string) => void): Promise<ScheduledJobs> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const { rows } = await pool.query<{ name: string; command: string; ms: number }>(
    'select name, command, extract(epoch from every)::integer * 1000 as ms from private.scheduled_jobs order by name',
  );
  const running = new Map<string, Promise<void>>();
  const run = (job: (typeof rows)[number]) => {
    // One run of a job at a time, as pg_cron does: a tick while the last run is going is skipped.
    if (running.has(job.name)) return;
    const done = pool
      .query(job.command)
      .then(() => {}, (error: Error) => log(`[jobs] ${job.name}: ${error.message}`))
      .finally(() => running.delete(job.name));
    running.set(job.name, done);
  };
  const timers: NodeJS.Timeout[] = [];
  const now = new Date();
  for (const job of rows) {
    if (job.ms >= hour) run(job);
    timers.push(
      setTimeout(() => {
        run(job);
        timers.push(setInterval(() => run(job), job.ms));
      }, firstRunDelay(job.ms, now)),
    );
  }
  return {
    names: rows.map((job) => job.name),
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running.values());
      await pool.end();
    },
  };
}
