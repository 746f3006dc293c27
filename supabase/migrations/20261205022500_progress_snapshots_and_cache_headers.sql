-- Campaign progress from a snapshot refreshed every 30 s (at most a minute old, computed live when
-- older), with as_of; the citizen reads say how long their GET answers may be cached (issue 16).

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

select private.schedule_jobs();

-- Replaced by a join in compute_campaign_progress (one lookup per counted unit, not a recursive query).
drop function private.province_child(integer, integer);

create or replace function public.campaign_progress(p_slug text)
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

create or replace function public.now_serving_board(p_session_id bigint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- 200 phones polling one board every 10 s: a cached answer for 5 s serves them all.
  select private.cache_for(5);
  select jsonb_build_object(
    'session_id', sess.id,
    'date', sess.session_date,
    'cancelled_at', sess.cancelled_at,
    'site', jsonb_build_object('name', site.name, 'address', site.address),
    'shifts', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
          'now_serving', s.now_serving, 'now_serving_at', s.now_serving_at,
          'last_queue_no', s.last_queue_no,
          'called_before', (
            select coalesce(jsonb_agg(c.queue_no order by c.called_at desc), '[]'::jsonb)
            from (
              select q.queue_no, q.called_at from (
                select queue_no, called_at, status from public.bookings where shift_id = s.id
                union all
                select queue_no, called_at, status from public.walk_ins where shift_id = s.id
              ) q
              where q.status = 'checked_in' and q.called_at is not null and q.queue_no <> s.now_serving
              order by q.called_at desc
              limit 4
            ) c))
        order by s.starts_at), '[]'::jsonb)
      from public.shifts s where s.session_id = sess.id),
    'as_of', now())
  from public.intake_sessions sess
  join public.intake_sites site on site.id = sess.site_id
  where sess.id = p_session_id and sess.published
$$;

create or replace function public.locate_commune(p_lat double precision, p_lng double precision)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_lat is null or p_lng is null or p_lat not between -90 and 90 or p_lng not between -180 and 180 then
    perform private.raise_refusal('invalid_argument', '{"field": "location"}');
  end if;
  -- The shapes change with a new set of units, not by the day.
  perform private.cache_for(86400);
  return coalesce((
    select jsonb_build_object(
      'found', true,
      'commune', jsonb_build_object('code', c.code, 'name', c.name, 'name_en', c.name_en, 'kind', c.kind),
      'province', jsonb_build_object('code', p.code, 'name', p.name, 'name_en', p.name_en))
    from public.admin_units c
    join public.admin_units p on p.id = c.parent_id
    where c.id = private.commune_at(p_lat, p_lng)
  ), '{"found": false}'::jsonb);
end;
$$;

create or replace function public.old_ward_lookup(p_query text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_typed text := lower(normalize(btrim(p_query), nfc));
  v_folded text := private.fold_name(p_query);
  v_code text := substring(btrim(p_query) from '^[0-9]{5}$');
  v_pattern text;
begin
  if p_query is null or length(p_query) > 100 then
    perform private.raise_refusal('invalid_argument', '{"field": "query"}');
  end if;
  if v_code is null and length(v_folded) >= 2 then
    v_pattern := '%' || replace(replace(replace(v_folded, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  perform private.cache_for(86400);
  return jsonb_build_object('wards', coalesce((
    select jsonb_agg(jsonb_build_object(
        'code', m.code, 'name', m.name,
        'district', jsonb_build_object('code', d.code, 'name', d.name),
        'province', jsonb_build_object('code', p.code, 'name', p.name),
        'became', coalesce((
          select jsonb_agg(jsonb_build_object(
              'code', c.code, 'name', c.name, 'name_en', c.name_en,
              'province', jsonb_build_object('code', cp.code, 'name', cp.name, 'name_en', cp.name_en))
            order by c.code)
          from public.admin_unit_origins o
          join public.admin_units c on c.id = o.unit_id and c.unit_set = '2025'
          join public.admin_units cp on cp.id = c.parent_id
          where o.origin_id = m.id), '[]'::jsonb))
      order by m.rank)
    from (
      select w.id, w.code, w.name, w.parent_id,
        row_number() over (order by
          strpos(lower(w.name), v_typed) > 0 desc,
          w.name_folded = v_folded or right(w.name_folded, length(v_folded) + 1) = ' ' || v_folded desc,
          w.name, w.code) as rank
      from public.admin_units w
      where w.unit_set = '2021' and w.level = 3
        and (w.code = v_code or (w.name_folded like v_pattern and strpos(' ' || w.name_folded, ' ' || v_folded) > 0))
      order by rank
      limit 10
    ) m
    join public.admin_units d on d.id = m.parent_id
    join public.admin_units p on p.id = d.parent_id
  ), '[]'::jsonb));
end;
$$;

create or replace function public.campaign_directory(p_slug text default null)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  -- Campaigns are added a few times a year.
  select private.cache_for(300);
  select jsonb_build_object('campaigns', coalesce(jsonb_agg(jsonb_build_object(
      'slug', c.slug,
      'name_vi', c.name_vi,
      'name_en', c.name_en,
      'starts_on', c.starts_on,
      'deadline', c.deadline,
      'unit_set', c.unit_set,
      'demonstration', c.demonstration,
      'province', jsonb_build_object('code', p.code, 'name', p.name, 'name_en', p.name_en),
      -- A province with no known successor stands for itself rather than hiding its campaign.
      'today_province', jsonb_build_object('code', coalesce(t.code, p.code), 'name', coalesce(t.name, p.name),
                                           'name_en', case when t.code is null then p.name_en else t.name_en end)
    ) order by c.starts_on, c.slug), '[]'::jsonb))
  from public.campaigns c
  join public.admin_units p on p.id = c.province_id
  -- A 2025 province is its own today; a 2021 province became (part of) one 2025 province.
  -- (Candidates by key, the province itself or what it was merged into (admin_unit_origins_origin_id_idx),
  -- rather than every unit tested against an "or".)
  left join lateral (
    select u.code, u.name, u.name_en
    from public.admin_units u
    where u.id in (select p.id where c.unit_set = '2025'
                   union all
                   select o.unit_id from public.admin_unit_origins o where c.unit_set <> '2025' and o.origin_id = p.id)
      and (c.unit_set = '2025' or (u.level = 1 and u.unit_set = '2025'))
    order by u.code
    limit 1
  ) t on true
  where p_slug is null or c.slug = p_slug
$$;
