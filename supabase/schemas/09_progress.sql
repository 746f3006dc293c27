-- Campaign progress: applications taken per unit and day, the quota shared out between units, and
-- the figures officials watch and the public progress page shows. Aggregates only.

-- =====================================================================
-- Daily intake counts
-- =====================================================================

create table public.daily_intake_counts (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  unit_id integer not null references public.admin_units (id),
  day date not null,
  applications integer not null check (applications >= 0),
  walk_ins integer not null default 0 check (walk_ins between 0 and applications),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id),
  unique (campaign_id, unit_id, day)
);
comment on table public.daily_intake_counts is
  'Applications taken in one unit (ward or district) on one day, walk-ins included; one row per unit and day.';

create index daily_intake_counts_unit_id_idx on public.daily_intake_counts (unit_id);
create index daily_intake_counts_updated_by_idx on public.daily_intake_counts (updated_by);

alter table public.daily_intake_counts enable row level security;

-- Aggregate figures, no personal data: the public progress page shows them.
create policy "Daily intake counts are readable by everyone"
  on public.daily_intake_counts for select to anon, authenticated using (true);

-- Officers record them through staff_record_daily_count; no API role writes the table.
grant select on public.daily_intake_counts to anon, authenticated;

create trigger daily_intake_counts_audit after insert or update or delete on public.daily_intake_counts
  for each row execute function private.audit_staff_change();

-- A count names a unit of its campaign's set under its province (private.check_unit_in_campaign,
-- 04_sites_sessions_shifts.sql): staff_record_daily_count answers any other unit_not_in_campaign.
create constraint trigger daily_intake_counts_unit_in_campaign
  after insert or update of campaign_id, unit_id on public.daily_intake_counts
  for each row execute function private.check_unit_in_campaign();

create function public.staff_record_daily_count(
  p_campaign_id integer,
  p_unit_id integer,
  p_day date,
  p_applications integer,
  p_walk_ins integer
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count public.daily_intake_counts;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    if p_unit_id is null or p_unit_id not in (select private.staff_scope()) then
      perform private.refuse('not_found');
    end if;
    if not exists (select 1 from public.campaigns where id = p_campaign_id) then
      perform private.refuse('campaign_not_found');
    end if;
    if p_day is null then
      perform private.refuse('invalid_argument', '{"field": "day"}');
    end if;
    if p_applications is null or p_applications < 0 then
      perform private.refuse('invalid_argument', '{"field": "applications"}');
    end if;
    if p_walk_ins is null or p_walk_ins not between 0 and p_applications then
      perform private.refuse('invalid_argument', '{"field": "walk_ins"}');
    end if;
    -- One row per unit and day: a new figure replaces the earlier one, which the audit log keeps.
    insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins, updated_by)
    values (p_campaign_id, p_unit_id, p_day, p_applications, p_walk_ins, (select auth.uid()))
    on conflict (campaign_id, unit_id, day) do update
    set applications = excluded.applications, walk_ins = excluded.walk_ins, updated_by = excluded.updated_by, updated_at = now()
    returning * into v_count;
    return jsonb_build_object('ok', true, 'campaign_id', v_count.campaign_id, 'unit_id', v_count.unit_id, 'day', v_count.day,
                              'applications', v_count.applications, 'walk_ins', v_count.walk_ins, 'updated_at', v_count.updated_at);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_record_daily_count');
  end;
end;
$$;
comment on function public.staff_record_daily_count(integer, integer, date, integer, integer) is
  'Records the applications (walk-ins among them) a unit of the officer''s scope took on a day, replacing an earlier figure.';

revoke execute on function public.staff_record_daily_count(integer, integer, date, integer, integer) from public;
grant execute on function public.staff_record_daily_count(integer, integer, date, integer, integer) to authenticated;

-- =====================================================================
-- Unit targets
-- =====================================================================

-- The province splits its quota between districts (or communes, where there are no districts).
create table public.unit_quotas (
  campaign_id integer not null references public.campaigns (id),
  unit_id integer not null references public.admin_units (id),
  quota integer not null check (quota > 0),
  primary key (campaign_id, unit_id),
  people_to_take_in integer check (people_to_take_in >= 0)
);
comment on table public.unit_quotas is
  'The share of a campaign quota given to one unit directly under the province.';
comment on column public.unit_quotas.people_to_take_in is
  'The basic survey''s figure: the people of the unit the campaign has to take in (null: not known). The planner plans for it, else for the quota.';

create index unit_quotas_unit_id_idx on public.unit_quotas (unit_id);

alter table public.unit_quotas enable row level security;

create policy "Unit quotas are readable by everyone"
  on public.unit_quotas for select to anon, authenticated using (true);

grant select on public.unit_quotas to anon, authenticated;

create trigger unit_quotas_audit after insert or update or delete on public.unit_quotas
  for each row execute function private.audit_staff_change();

create constraint trigger unit_quotas_unit_in_campaign
  after insert or update of campaign_id, unit_id on public.unit_quotas
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('daily_intake_counts_unit_in_campaign', 'unit_not_in_campaign'),
  ('unit_quotas_unit_in_campaign', 'unit_not_in_campaign');

-- =====================================================================
-- Progress
-- =====================================================================

-- The places booked in shifts still to come, per campaign (or of the one given): published sessions
-- only, whoever asks, so the figure is the same for everyone.
create function private.booked_upcoming(p_campaign_id integer default null)
returns table (campaign_id integer, booked bigint)
language plpgsql
stable
set search_path = ''
-- Planned with the argument: one campaign's shifts by index, every campaign's in one scan.
set plan_cache_mode = 'force_custom_plan'
as $$
begin
  return query
  select sess.campaign_id, sum(s.booked)
  from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
  where sess.published and sess.cancelled_at is null and s.ends_at > now()
    and (p_campaign_id is null or sess.campaign_id = p_campaign_id)
  group by sess.campaign_id;
end;
$$;
comment on function private.booked_upcoming(integer) is
  'Places booked in shifts not yet ended of published, not cancelled sessions, per campaign (or of the one given).';

-- The figures of one campaign, computed from the daily counts, quotas and shifts, as of now; the
-- refresh passes the booked places it summed for all campaigns in one pass over the shifts.
create function private.compute_campaign_progress(p_campaign_id integer, p_booked_upcoming bigint default null)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_today date := private.today();
  v_intake bigint;
  v_recent_intake bigint;
  v_days_left integer;
  v_days_elapsed integer;
  v_recent_start date;
  v_recent_end date;
  v_recent_days integer;
begin
  select * into strict v_campaign from public.campaigns where id = p_campaign_id;
  select coalesce(sum(applications), 0) into v_intake
  from public.daily_intake_counts where campaign_id = v_campaign.id and day <= v_today;
  -- Today counts as a day left: intake taken today is still to come.
  v_days_left := greatest(v_campaign.deadline - v_today + 1, 0);
  v_days_elapsed := greatest(least(v_today, v_campaign.deadline + 1) - v_campaign.starts_on, 0);
  -- The recent pace: the seven whole days before today (today's count is not complete until the
  -- day ends), fewer in the campaign's first week.
  v_recent_start := greatest(v_today - 7, v_campaign.starts_on);
  v_recent_end := least(v_today - 1, v_campaign.deadline);
  v_recent_days := greatest(v_recent_end - v_recent_start + 1, 0);
  select coalesce(sum(applications), 0) into v_recent_intake
  from public.daily_intake_counts where campaign_id = v_campaign.id and day between v_recent_start and v_recent_end;

  return jsonb_build_object(
    'slug', v_campaign.slug,
    -- Figures made up for the demonstration: the pages say so beside them.
    'demonstration', v_campaign.demonstration,
    'quota', v_campaign.quota,
    'daily_target', v_campaign.daily_target,
    'starts_on', v_campaign.starts_on,
    'deadline', v_campaign.deadline,
    'today', v_today,
    'intake', v_intake,
    'remaining', greatest(v_campaign.quota - v_intake, 0),
    'percent', round(100.0 * v_intake / v_campaign.quota, 1),
    'days_left', v_days_left,
    'days_elapsed', v_days_elapsed,
    'average_daily', case when v_days_elapsed > 0 then round(v_intake::numeric / v_days_elapsed) end,
    'rate_needed', case when v_days_left > 0 then ceil(greatest(v_campaign.quota - v_intake, 0)::numeric / v_days_left) end,
    'booked_upcoming', coalesce(p_booked_upcoming, (select coalesce(sum(b.booked), 0) from private.booked_upcoming(v_campaign.id) b)),
    'recent_days', v_recent_days,
    'recent_intake', v_recent_intake,
    'recent_average', case when v_recent_days > 0 then round(v_recent_intake::numeric / v_recent_days) end,
    -- The ranking (emulation between units): by share of the unit's own quota done, equal shares
    -- sharing a rank, units without a quota last and unranked. A unit is at risk when the
    -- average a day of its recent days is below the rate it now needs to finish by the deadline.
    'units', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'code', r.code, 'name', r.name, 'name_en', r.name_en, 'kind', r.kind,
          'quota', r.quota,
          'intake', r.intake,
          'today', r.today,
          'recent_intake', r.recent_intake,
          'recent_average', case when v_recent_days > 0 then round(r.recent_intake::numeric / v_recent_days) end,
          'percent', r.percent,
          'rate_needed', r.rate_needed,
          'rank', r.rank,
          'at_risk', r.at_risk)
        order by r.rank nulls last, r.code), '[]'::jsonb)
      from (
        select f.*,
               case when f.quota is not null then rank() over (order by f.percent desc nulls last) end as rank,
               case when v_recent_days > 0 and f.rate_needed is not null
                 then f.recent_intake::numeric / v_recent_days < f.rate_needed else false end as at_risk
        from (
          select u.code, u.name, u.name_en, u.kind, q.quota,
                 coalesce(t.intake, 0) as intake,
                 coalesce(t.today, 0) as today,
                 coalesce(t.recent_intake, 0) as recent_intake,
                 case when q.quota is not null then round(100.0 * coalesce(t.intake, 0) / q.quota, 1) end as percent,
                 case when q.quota is not null and v_days_left > 0
                   then ceil(greatest(q.quota - coalesce(t.intake, 0), 0)::numeric / v_days_left) end as rate_needed
          from public.admin_units u
          left join public.unit_quotas q on q.campaign_id = v_campaign.id and q.unit_id = u.id
          left join (
            -- Each count to the unit directly under the province it lies in: a district in the
            -- 2021 set (a ward's parent), the commune itself in the 2025 set (no districts).
            select case when cu.parent_id = v_campaign.province_id then cu.id
                        when up.parent_id = v_campaign.province_id then up.id end as unit_id,
                   sum(c.intake) as intake, sum(c.today) as today, sum(c.recent_intake) as recent_intake
            from (
              select c.unit_id,
                     sum(c.applications) as intake,
                     sum(c.applications) filter (where c.day = v_today) as today,
                     sum(c.applications) filter (where c.day between v_recent_start and v_recent_end) as recent_intake
              from public.daily_intake_counts c
              where c.campaign_id = v_campaign.id and c.day <= v_today
              group by c.unit_id
            ) c
            join public.admin_units cu on cu.id = c.unit_id
            left join public.admin_units up on up.id = cu.parent_id
            group by 1
          ) t on t.unit_id = u.id
          where u.parent_id = v_campaign.province_id
        ) f
      ) r),
    'as_of', now()
  );
end;
$$;
comment on function private.compute_campaign_progress(integer, bigint) is
  'A campaign''s progress figures (see public.campaign_progress) computed now, with as_of = now().';

-- Each campaign's figures as last computed: the public page and the API read these instead of
-- recounting per call, and no booking waits on them (a counter row every booking updated would
-- serialise a campaign's bookings).
create table private.campaign_progress_snapshots (
  campaign_id integer primary key references public.campaigns (id) on delete cascade,
  answer jsonb not null,
  computed_at timestamptz not null
);
comment on table private.campaign_progress_snapshots is
  'The answer of public.campaign_progress per campaign as computed at computed_at by the scheduled refresh.';

create function private.refresh_campaign_progress(p_campaign_id integer default null)
returns integer
language sql
set search_path = ''
as $$
  with refreshed as (
    insert into private.campaign_progress_snapshots (campaign_id, answer, computed_at)
    select c.id, private.compute_campaign_progress(c.id, coalesce(b.booked, 0)), now()
    from public.campaigns c
    left join private.booked_upcoming(p_campaign_id) b on b.campaign_id = c.id
    where p_campaign_id is null or c.id = p_campaign_id
    on conflict (campaign_id) do update set answer = excluded.answer, computed_at = excluded.computed_at
    returning 1)
  select count(*)::integer from refreshed
$$;
comment on function private.refresh_campaign_progress(integer) is
  'Recomputes the progress snapshot of every campaign (or of the one given); answers how many. Run every 30 s (private.scheduled_jobs).';

revoke execute on function private.refresh_campaign_progress(integer) from public;

insert into private.scheduled_jobs (name, every, command, comment) values
  ('refresh-campaign-progress', interval '30 seconds', 'select private.refresh_campaign_progress()',
   'The progress figures the public reads, at most a minute old without recounting per call.');

-- The snapshot when it is younger than a minute and of today, else the figures computed now (a
-- stack without the timer, the tests). Definer: the snapshots are private; the figures are the
-- same for everyone (aggregates of what anyone may read).
create function public.campaign_progress(p_slug text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_campaign_id integer;
begin
  select id into v_campaign_id from public.campaigns where slug = p_slug;
  if v_campaign_id is null then
    perform private.raise_refusal('campaign_not_found');
  end if;
  perform private.cache_for(60);
  return coalesce(
    (select p.answer from private.campaign_progress_snapshots p
     where p.campaign_id = v_campaign_id and p.computed_at > now() - interval '1 minute'
       and (p.answer ->> 'today')::date = private.today()),
    private.compute_campaign_progress(v_campaign_id));
end;
$$;
comment on function public.campaign_progress(text) is
  'Quota, intake so far, days left, daily rate needed to meet the deadline, booked places to come, and the ranking of the units under the province with their recent pace and whether they are at risk; as_of says when they were computed (at most a minute ago).';

revoke execute on function public.campaign_progress(text) from public;
grant execute on function public.campaign_progress(text) to anon, authenticated;
