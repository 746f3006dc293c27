// The local stand-in for pg_cron: runs every row of private.scheduled_jobs at its interval, as
// postgres (the role pg_cron runs a job as when postgres scheduled it). Read once at start: jobs
// come with migrations, which run before.
import pg from 'pg';

export interface ScheduledJobs {
  names: string[];
  stop: () => Promise<void>;
}

export async function startScheduledJobs(dbUrl: string, log: (line: string) => void): Promise<ScheduledJobs> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const { rows } = await pool.query<{ name: string; command: string; ms: number }>(
    'select name, command, extract(epoch from every)::integer * 1000 as ms from private.scheduled_jobs order by name',
  );
  const running = new Map<string, Promise<void>>();
  const timers = rows.map((job) =>
    setInterval(() => {
      // One run of a job at a time, as pg_cron does: a tick while the last run is going is skipped.
      if (running.has(job.name)) return;
      const run = pool
        .query(job.command)
        .then(() => {}, (error: Error) => log(`[jobs] ${job.name}: ${error.message}`))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.ms),
  );
  return {
    names: rows.map((job) => job.name),
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
      await pool.end();
    },
  };
}
