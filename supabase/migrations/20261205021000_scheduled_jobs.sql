-- Jobs that run by themselves, defined once in private.scheduled_jobs: pg_cron runs them on a
-- hosted project, the local stack's timer runs them here.

-- What runs by itself, defined once: on a hosted project pg_cron runs these rows
-- (private.schedule_jobs); locally the stack's own timer runs the same rows (supabase/local/jobs.ts),
-- as pg_cron is not among the extensions it has.
create table private.scheduled_jobs (
  name text primary key check (name ~ '^[a-z][a-z0-9-]*$'),
  -- What pg_cron can say: 1–59 seconds, minutes that divide an hour, hours that divide a day.
  every interval not null check (
    (every between interval '1 second' and interval '59 seconds' and extract(microseconds from every)::bigint % 1000000 = 0)
    or (every between interval '1 minute' and interval '1 hour' and extract(epoch from every)::integer % 60 = 0
        and 60 % (extract(epoch from every)::integer / 60) = 0)
    or (every between interval '1 hour' and interval '24 hours' and extract(epoch from every)::integer % 3600 = 0
        and 24 % (extract(epoch from every)::integer / 3600) = 0)),
  command text not null,
  comment text not null
);
comment on table private.scheduled_jobs is
  'Jobs that run by themselves: name, how often, the SQL run as postgres, and why.';

-- The interval in pg_cron's words. Hourly and daily jobs start at 20:00 UTC (03:00 in Viet Nam),
-- when nobody books.
create function private.cron_schedule(p_every interval)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_every < interval '1 minute' then extract(epoch from p_every)::integer || ' seconds'
    when p_every = interval '1 minute' then '* * * * *'
    when p_every < interval '1 hour' then '*/' || extract(epoch from p_every)::integer / 60 || ' * * * *'
    when p_every = interval '24 hours' then '0 20 * * *'
    else '0 ' || (select string_agg(h::text, ',' order by h)
                  from generate_series(20, 20 + 23, extract(epoch from p_every)::integer / 3600) as g (n),
                       lateral (select n % 24 as h) as x) || ' * * *'
  end
$$;
comment on function private.cron_schedule(interval) is
  'A scheduled job''s interval as a pg_cron schedule (seconds, */n minutes, or hours counted from 20:00 UTC).';

-- Registers every job with pg_cron where the extension exists (cron.schedule replaces a job of the
-- same name); elsewhere it does nothing, so migrations apply on a database without pg_cron.
create function private.schedule_jobs()
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_job private.scheduled_jobs;
  v_count integer := 0;
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    return 0;
  end if;
  for v_job in select * from private.scheduled_jobs order by name loop
    execute 'select cron.schedule($1, $2, $3)' using v_job.name, private.cron_schedule(v_job.every), v_job.command;
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.schedule_jobs() is
  'Schedules every private.scheduled_jobs row with pg_cron when the extension is installed; answers how many (0 without pg_cron).';

select private.schedule_jobs();
