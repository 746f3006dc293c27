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
