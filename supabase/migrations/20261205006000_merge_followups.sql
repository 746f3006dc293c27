-- Issue 13, merge follow-ups: one rule for "a unit of the campaign's set under its province"
-- (private.unit_in_campaign) serves the requests' ward look-up and a constraint trigger on the
-- home-visit and organisation requests; search_sessions reads the campaign's own unit set; and
-- campaign_progress says whether the figures are made up for the demonstration and gives the
-- units' English names.

-- =====================================================================
-- Requests: their ward lies in their campaign
-- =====================================================================

create or replace function private.check_unit_in_campaign()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(new);
  v_unit integer := coalesce((v_row ->> 'unit_id')::integer, (v_row ->> 'ward_id')::integer,
                             private.site_ward((v_row ->> 'site_id')::bigint));
begin
  if not private.unit_in_campaign(v_unit, (v_row ->> 'campaign_id')::integer) then
    raise exception '% names unit % outside the set and province of campaign %', tg_table_name, v_unit, v_row ->> 'campaign_id'
      using errcode = '23514', constraint = tg_name;
  end if;
  return new;
end;
$$;
comment on function private.check_unit_in_campaign() is
  'Trigger: refuses a row whose unit (unit_id, ward_id, or its site''s ward) is not in its campaign''s set and province.';

create or replace function private.check_campaign_province()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.province_id, new.unit_set) is distinct from (old.province_id, old.unit_set)
     and (exists (select 1 from public.intake_sessions where campaign_id = new.id)
          or exists (select 1 from public.unit_quotas where campaign_id = new.id)
          or exists (select 1 from public.daily_intake_counts where campaign_id = new.id)
          or exists (select 1 from public.home_visit_requests where campaign_id = new.id)
          or exists (select 1 from public.organisation_requests where campaign_id = new.id)) then
    raise exception 'campaign % has sessions, quotas, counts or requests in its province: it keeps it', new.id
      using errcode = '23514', constraint = tg_name;
  end if;
  return new;
end;
$$;
comment on function private.check_campaign_province() is
  'Trigger: refuses changing the province or set of a campaign that has sessions, unit quotas, daily counts or requests.';

create or replace function private.campaign_ward(p_campaign text, p_ward text)
returns table (campaign_id integer, ward_id integer)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_ward_id integer;
begin
  select * into v_campaign from public.campaigns where slug = p_campaign;
  if not found then
    perform private.refuse('campaign_not_found');
  end if;
  select id into v_ward_id from public.admin_units where unit_set = v_campaign.unit_set and level = 3 and code = p_ward;
  if v_ward_id is null then
    perform private.refuse('invalid_argument', '{"field": "ward"}');
  end if;
  -- A ward of another province: the person chose it on a page of another province's campaign.
  if not private.unit_in_campaign(v_ward_id, v_campaign.id) then
    perform private.refuse('ward_outside_campaign', '{"field": "ward"}');
  end if;
  return query select v_campaign.id, v_ward_id;
end;
$$;
comment on function private.campaign_ward(text, text) is
  'The campaign of a slug and the id of a ward code in its set and province; refuses campaign_not_found, invalid_argument (ward) for a code not in its set, ward_outside_campaign for a ward of another province.';

create constraint trigger organisation_requests_unit_in_campaign
  after insert or update of campaign_id, ward_id on public.organisation_requests
  for each row execute function private.check_unit_in_campaign();

create constraint trigger home_visit_requests_unit_in_campaign
  after insert or update of campaign_id, ward_id on public.home_visit_requests
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('organisation_requests_unit_in_campaign', 'unit_not_in_campaign'),
  ('home_visit_requests_unit_in_campaign', 'unit_not_in_campaign');

-- =====================================================================
-- Search: the campaign's own set
-- =====================================================================

create or replace function public.search_sessions(
  p_province text default null,
  p_district text default null,
  p_ward text default null,
  p_from date default null,
  p_to date default null,
  p_lat double precision default null,
  p_lng double precision default null,
  p_radius_km double precision default null,
  p_unit_set text default '2021',
  p_limit integer default 100,
  p_campaign text default null
)
returns table (
  session_id bigint,
  session_date date,
  campaign_id integer,
  site_id bigint,
  site_name text,
  site_kind text,
  address text,
  access_notes text,
  lat double precision,
  lng double precision,
  ward_code text,
  ward_name text,
  district_code text,
  district_name text,
  province_code text,
  province_name text,
  distance_km double precision,
  recommended_shift_id bigint,
  shifts jsonb,
  in_located_commune boolean
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_from date := coalesce(p_from, private.today());
  v_to date := coalesce(p_to, coalesce(p_from, private.today()) + 30);
  v_campaign_id integer;
  v_unit_set text := p_unit_set;
  v_commune integer;
begin
  if p_province !~ '^[0-9]{2}$' then perform private.raise_refusal('invalid_argument', '{"field": "province"}'); end if;
  if p_district !~ '^[0-9]{3}$' then perform private.raise_refusal('invalid_argument', '{"field": "district"}'); end if;
  if p_ward !~ '^[0-9]{5}$' then perform private.raise_refusal('invalid_argument', '{"field": "ward"}'); end if;
  if v_to < v_from or v_to > v_from + 92 then perform private.raise_refusal('invalid_argument', '{"field": "to"}'); end if;
  if (p_lat is null) <> (p_lng is null) or p_lat not between 8 and 24 or p_lng not between 102 and 118 then
    perform private.raise_refusal('invalid_argument', '{"field": "location"}');
  end if;
  if p_radius_km is not null and (p_lat is null or p_radius_km not between 0.1 and 500) then
    perform private.raise_refusal('invalid_argument', '{"field": "radius_km"}');
  end if;
  if p_limit not between 1 and 500 then perform private.raise_refusal('invalid_argument', '{"field": "limit"}'); end if;
  -- A campaign's sessions lie in its set: the codes are read in that set.
  if p_campaign is not null then
    select c.id, c.unit_set into v_campaign_id, v_unit_set from public.campaigns c where c.slug = p_campaign;
    if v_campaign_id is null then perform private.raise_refusal('invalid_argument', '{"field": "campaign"}'); end if;
  end if;
  -- The 2025 commune the point lies in (no 2021 site is in one): its sessions come first.
  if p_lat is not null then v_commune := private.commune_at(p_lat, p_lng); end if;

  return query
  with places as (
    select
      site.id, site.name, site.kind, site.address, site.access_notes, site.lat, site.lng,
      ward.code as ward_code, ward.name as ward_name,
      -- 2021 units have a district between ward and province; 2025 units do not.
      case when up.level = 2 then up.code end as district_code,
      case when up.level = 2 then up.name end as district_name,
      case when up.level = 1 then up.code else top.code end as province_code,
      case when up.level = 1 then up.name else top.name end as province_name,
      case when p_lat is not null then private.distance_km(p_lat, p_lng, site.lat, site.lng) end as distance,
      site.ward_id is not distinct from v_commune as in_commune
    from public.intake_sites site
    join public.admin_units ward on ward.id = site.ward_id and ward.unit_set = v_unit_set
    join public.admin_units up on up.id = ward.parent_id
    left join public.admin_units top on top.id = up.parent_id
  )
  select
    sess.id, sess.session_date, sess.campaign_id,
    pl.id, pl.name, pl.kind, pl.address, pl.access_notes, pl.lat, pl.lng,
    pl.ward_code, pl.ward_name, pl.district_code, pl.district_name, pl.province_code, pl.province_name,
    round(pl.distance::numeric, 2)::double precision,
    private.recommended_shift(sess.id, case
      when pl.distance is not null then pl.distance <= 3
      when p_ward is not null then pl.ward_code = p_ward
    end),
    (select jsonb_agg(jsonb_build_object(
        'id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at, 'capacity', s.capacity,
        'places_left', s.capacity - s.booked, 'bookable', now() < s.booking_closes_at)
      order by s.starts_at)
     from public.shifts s where s.session_id = sess.id),
    pl.in_commune
  from public.intake_sessions sess
  join places pl on pl.id = sess.site_id
  where sess.published
    and sess.cancelled_at is null
    and sess.session_date between v_from and v_to
    and (v_campaign_id is null or sess.campaign_id = v_campaign_id)
    and (p_province is null or pl.province_code = p_province)
    and (p_district is null or pl.district_code = p_district)
    and (p_ward is null or pl.ward_code = p_ward)
    and (p_radius_km is null or pl.distance <= p_radius_km)
    and exists (select 1 from public.shifts s where s.session_id = sess.id and s.ends_at > now())
  order by
    pl.in_commune desc,
    case when p_lat is not null then pl.distance end,
    sess.session_date, pl.name, sess.id
  limit p_limit;
end;
$$;
comment on function public.search_sessions(text, text, text, date, date, double precision, double precision, double precision, text, integer, text) is
  'Published, not cancelled, not ended sessions by campaign, province/district/ward code (in the campaign''s set, else p_unit_set), date range and distance, with shifts and a recommended shift; with a point, those of the 2025 commune it lies in first.';

-- =====================================================================
-- Progress: the demonstration flag and the units' English names
-- =====================================================================

create or replace function public.campaign_progress(p_slug text)
returns jsonb
language plpgsql
stable
security invoker
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
  select * into v_campaign from public.campaigns where slug = p_slug;
  if not found then
    perform private.raise_refusal('campaign_not_found');
  end if;
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
    'booked_upcoming', (
      select coalesce(sum(s.booked), 0)
      from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
      where sess.campaign_id = v_campaign.id and sess.published and sess.cancelled_at is null
        and s.ends_at > now()),
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
            select private.province_child(c.unit_id, v_campaign.province_id) as unit_id,
                   sum(c.applications) as intake,
                   sum(c.applications) filter (where c.day = v_today) as today,
                   sum(c.applications) filter (where c.day between v_recent_start and v_recent_end) as recent_intake
            from public.daily_intake_counts c
            where c.campaign_id = v_campaign.id and c.day <= v_today
            group by 1
          ) t on t.unit_id = u.id
          where u.parent_id = v_campaign.province_id
        ) f
      ) r)
  );
end;
$$;
comment on function public.campaign_progress(text) is
  'Quota, intake so far, days left, daily rate needed to meet the deadline, booked places to come, and the ranking of the units under the province with their recent pace and whether they are at risk.';
