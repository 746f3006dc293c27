-- Finding sessions: by unit, by date range and by distance, with the shift the campaign rule
-- recommends ("near ones at night, far ones by day"), and the nearest alternatives to a shift.

-- The campaign rule: people who live near the site come in the evening, after work; people from
-- far away come by day, when there is light and transport. Near is within 3 km or the same ward.
create function private.recommended_shift(p_session_id bigint, p_near boolean)
returns bigint
language sql
stable
set search_path = ''
as $$
  select s.id
  from public.shifts s
  where s.session_id = p_session_id
    and p_near is not null
    and s.booked < s.capacity
    and now() < s.booking_closes_at
  order by
    -- evening shifts start at 17:00 or later, Viet Nam time
    (extract(hour from s.starts_at at time zone 'Asia/Ho_Chi_Minh') >= 17) = p_near desc,
    case when p_near then s.starts_at end desc,
    s.starts_at
  limit 1
$$;
comment on function private.recommended_shift(bigint, boolean) is
  'The shift to suggest: the evening one for people nearby, the earliest daytime one for people far away.';

grant execute on function private.recommended_shift(bigint, boolean) to anon, authenticated;

create function public.search_sessions(
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
  ward_name_en text,
  district_code text,
  district_name text,
  province_code text,
  province_name text,
  province_name_en text,
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
      ward.code as ward_code, ward.name as ward_name, ward.name_en as ward_name_en,
      -- 2021 units have a district between ward and province; 2025 units do not.
      case when up.level = 2 then up.code end as district_code,
      case when up.level = 2 then up.name end as district_name,
      case when up.level = 1 then up.code else top.code end as province_code,
      case when up.level = 1 then up.name else top.name end as province_name,
      -- English names exist in the 2025 set only (null in 2021).
      case when up.level = 1 then up.name_en else top.name_en end as province_name_en,
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
    pl.ward_code, pl.ward_name, pl.ward_name_en, pl.district_code, pl.district_name,
    pl.province_code, pl.province_name, pl.province_name_en,
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
  'Published, not cancelled, not ended sessions by campaign, province/district/ward code (in the campaign''s set, else p_unit_set), date range and distance, with shifts and a recommended shift; with a point, those of the 2025 commune it lies in first. Units named in Vietnamese, and in English where the set has English names (2025).';

revoke execute on function public.search_sessions(text, text, text, date, date, double precision, double precision, double precision, text, integer, text) from public;
grant execute on function public.search_sessions(text, text, text, date, date, double precision, double precision, double precision, text, integer, text) to anon, authenticated;

-- Offered when a shift is full or its session is cancelled: the shifts nearest in time and place
-- that can still take the people, in tiers: the same session's other shifts, then the same day's
-- other sessions by distance, then other days (the nearest day first, then by distance); within a
-- session, the shift nearest to the chosen one's hour of the day first. Never a shift that cannot
-- take them: unpublished, cancelled, past its booking cut-off (shifts.booking_closes_at, the
-- engine's own rule) or with fewer places left than p_places.
create function public.nearest_alternatives(p_shift_id bigint, p_limit integer default 5, p_places integer default 1)
returns table (
  session_id bigint,
  session_date date,
  site_name text,
  address text,
  distance_km double precision,
  shift_id bigint,
  starts_at timestamptz,
  ends_at timestamptz,
  places_left integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with origin as (
    select site.lat, site.lng, sess.campaign_id, sess.id as session_id, sess.session_date, s.starts_at
    from public.shifts s
    join public.intake_sessions sess on sess.id = s.session_id
    join public.intake_sites site on site.id = sess.site_id
    where s.id = p_shift_id
  ),
  candidates as (
    select sess.id as session_id, sess.session_date, site.name, site.address,
           private.distance_km(o.lat, o.lng, site.lat, site.lng) as distance,
           s.id as shift_id, s.starts_at, s.ends_at, s.capacity - s.booked as places_left,
           case when sess.id = o.session_id then 0 when sess.session_date = o.session_date then 1 else 2 end as tier,
           abs(sess.session_date - o.session_date) as days_away,
           -- by the hour of the day, so that on another day the same shift of the day comes first
           abs(extract(epoch from (s.starts_at at time zone 'Asia/Ho_Chi_Minh')::time
                                - (o.starts_at at time zone 'Asia/Ho_Chi_Minh')::time)) as seconds_away
    from origin o
    join public.intake_sessions sess on sess.campaign_id = o.campaign_id
    join public.intake_sites site on site.id = sess.site_id
    join public.shifts s on s.session_id = sess.id
    where sess.published
      and sess.cancelled_at is null
      and s.id <> p_shift_id
      and s.capacity - s.booked >= greatest(p_places, 1)
      and now() < s.booking_closes_at
  )
  select c.session_id, c.session_date, c.name, c.address, round(c.distance::numeric, 2)::double precision,
         c.shift_id, c.starts_at, c.ends_at, c.places_left
  from candidates c
  order by c.tier, c.days_away, c.distance, c.seconds_away, c.shift_id
  limit least(greatest(p_limit, 1), 20)
$$;
comment on function public.nearest_alternatives(bigint, integer, integer) is
  'Shifts of the same campaign that can take p_places people, nearest to the given shift: its session''s other shifts, then the same day by distance, then other days by how far in days, then distance.';

revoke execute on function public.nearest_alternatives(bigint, integer, integer) from public;
grant execute on function public.nearest_alternatives(bigint, integer, integer) to anon, authenticated;
