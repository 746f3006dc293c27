// The rate limiter's size and purge, as issue 16's contract defines them whatever its design: its
// tables are those of schema private named rate_limit_* but rate_limit_rules, and it is purged by
// the scheduled jobs that name it.
import type pg from 'pg';

export interface LimiterSize {
  /** pg_total_relation_size over the tables, their partitions and indexes. */
  bytes: number;
  rows: number;
  tables: string[];
}

export async function limiterSize(db: pg.Pool): Promise<LimiterSize> {
  const { rows: tables } = await db.query<{ name: string; bytes: string }>(
    `select c.relname as name,
            case when c.relkind = 'p' then (select sum(pg_total_relation_size(t.relid)) from pg_partition_tree(c.oid) t)
                 else pg_total_relation_size(c.oid) end as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'private' and c.relname like 'rate\\_limit\\_%' and c.relname <> 'rate_limit_rules'
       and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`,
  );
  let rows = 0;
  for (const table of tables) {
    rows += Number((await db.query<{ n: string }>(`select count(*) as n from private.${table.name}`)).rows[0]!.n);
  }
  return { bytes: tables.reduce((sum, table) => sum + Number(table.bytes), 0), rows, tables: tables.map((table) => table.name) };
}

/** Runs the scheduled jobs that purge the limiter (by name or command); says which ran. */
export async function purgeRateLimits(db: pg.Pool): Promise<string> {
  const { rows: jobs } = await db.query<{ name: string; command: string }>(
    `select name, command from private.scheduled_jobs where name ~* 'rate' or command ~* 'rate_limit' order by name`,
  );
  for (const job of jobs) await db.query(job.command);
  return jobs.length ? `purged by ${jobs.map((job) => job.name).join(', ')}` : 'no purge job among private.scheduled_jobs';
}

export interface LimiterStep {
  calls: number;
  size: LimiterSize;
}

export interface LimiterGrowth {
  /** The store before the phase, then after each step of calls (each after the purge jobs). */
  before: LimiterSize;
  steps: LimiterStep[];
  /** Time buckets begun during the phase (minutes: the 10-minute rules' buckets are a minute long). */
  minutesCrossed: number;
  purge: string;
}

/**
 * A million calls of private.take_rate from a fixed population of callers (5,000 addresses and
 * 5,000 phones, for two actions, none of them used before), on one connection, in steps of a
 * tenth, measuring the store after each step. The phase starts at the top of a minute (waiting
 * up to a minute), so that the calls fall in as few time buckets as the machine's speed allows:
 * a new bucket adds a row per caller, which is the window moving on, not calls piling up.
 */
export async function measureLimiterGrowth(su: pg.Pool, db: pg.Pool, options: { calls: number; seed: number; log: (line: string) => void }): Promise<LimiterGrowth> {
  const second = new Date().getUTCSeconds() + new Date().getUTCMilliseconds() / 1000;
  if (second > 2) {
    options.log(`rate limiter phase: waiting ${(60 - second).toFixed(0)} s for the next minute to begin`);
    await new Promise((resolve) => setTimeout(resolve, (60 - second) * 1000));
  }
  const purge = await purgeRateLimits(db);
  const before = await limiterSize(su);
  const client = await su.connect();
  const steps: LimiterStep[] = [];
  const step = Math.round(options.calls / 10);
  try {
    const { rows: start } = await client.query<{ minute: Date }>("select date_trunc('minute', clock_timestamp()) as minute");
    for (let calls = step; calls <= options.calls; calls += step) {
      for (let from = calls - step; from < calls; from += 20_000) {
        await client.query(
          `select count(*) filter (where ok) from (
             select private.take_rate(case when c % 4 < 2 then 'lookup' else 'book' end,
                                      case when c % 2 = 0 then 'ip' else 'phone' end,
                                      case when c % 2 = 0
                                        then '100.99.' || (h % 5000 / 250) || '.' || (h % 250)
                                        else '08' || lpad((h % 5000)::text, 8, '0') end) as ok
             from generate_series($1::bigint, $2::bigint - 1) as c,
                  lateral (select hashint8extended(c, $3) & 2147483647 as h) as x) calls`,
          [from, Math.min(calls, from + 20_000), options.seed * 1000 + 50],
        );
      }
      await purgeRateLimits(db);
      steps.push({ calls, size: await limiterSize(su) });
      options.log(`rate limiter phase: ${calls.toLocaleString('en')} calls, ${steps.at(-1)!.size.rows.toLocaleString('en')} rows`);
    }
    const { rows: end } = await client.query<{ minutes: number }>(
      "select extract(epoch from date_trunc('minute', clock_timestamp()) - $1::timestamptz)::integer / 60 as minutes",
      [start[0]!.minute],
    );
    return { before, steps, minutesCrossed: end[0]!.minutes, purge };
  } finally {
    client.release();
  }
}
