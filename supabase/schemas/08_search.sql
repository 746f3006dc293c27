-- Finding sessions: by unit, by date range and by distance, with the shift the campaign rule
-- recommends ("near ones at night, far ones by day"), and the nearest alternatives to a shift.

-- =====================================================================
-- Nearest first, by index
-- =====================================================================

-- "Nearest first" must not compute every session's distance. private.distance_km is the haversine
-- distance on a sphere, which grows with the straight-line (chord) distance between the two points
-- on the unit sphere: ordered by the chord, sites come in exactly the haversine order. The trusted
-- `cube` extension (here and on hosted Supabase) holds such 3-D points and its GiST index walks them
-- nearest first (`<->`, KNN) and answers "inside this box" (`<@`) for a radius. Core GiST on
-- `point` would order by planar degrees, which differ from the sphere's order (a degree of
-- longitude is shorter than one of latitude), and need a re-check of every candidate.
create extension if not exists cube with schema extensions;

create function private.unit_sphere_point(p_lat double precision, p_lng double precision)
returns extensions.cube
language sql
immutable
parallel safe
set search_path = ''
as $$
  select extensions.cube(array[
    cos(radians(p_lat)) * cos(radians(p_lng)),
    cos(radians(p_lat)) * sin(radians(p_lng)),
    sin(radians(p_lat))])
$$;
comment on function private.unit_sphere_point(double precision, double precision) is
  'The point at a latitude and longitude on the unit sphere, as a 3-D cube: chord distances between such points order as great-circle distances do.';

grant execute on function private.unit_sphere_point(double precision, double precision) to anon, authenticated;

-- Added here rather than in 04_sites_sessions_shifts.sql: it needs the extension and the function above.
alter table public.intake_sites
  add column sphere_point extensions.cube not null generated always as (private.unit_sphere_point(lat, lng)) stored;
comment on column public.intake_sites.sphere_point is
  'The site on the unit sphere (private.unit_sphere_point), for nearest-first searches by index.';

create index intake_sites_sphere_point_idx on public.intake_sites using gist (sphere_point);

-- =====================================================================
-- Reads a cache may keep
-- =====================================================================

-- The citizen reads are called with GET (src/lib/public-api.ts, getReads) and say through
-- PostgREST's response.headers how long a browser or CDN may keep their answer; an error answer
-- sets none (the statement that set it is rolled back).
create function private.cache_for(p_seconds integer)
returns void
language sql
volatile
set search_path = ''
as $$
  select set_config('response.headers',
    jsonb_build_array(jsonb_build_object('Cache-Control', 'public, max-age=' || p_seconds))::text, true)
$$;
comment on function private.cache_for(integer) is
  'Lets the HTTP answer of the current request be cached for p_seconds (Cache-Control, through PostgREST).';

grant execute on function private.cache_for(integer) to anon, authenticated;

-- The ids of a search's page, in its order (search_sessions checks the arguments and reads the rows).
-- Apart so that the page's statement is planned with each call's arguments, where the filters left
-- out fall away and each form of the search gets the plan that fits it (by unit, by campaign,
-- nearest first); the other statements here and in search_sessions keep their cached plans, as
-- planning them at every call would cost more than running them.
create function private.search_page(
  p_from date,
  p_to date,
  p_unit_set text,
  p_campaign_id integer,
  p_province text,
  p_district text,
  p_ward text,
  p_lat double precision,
  p_lng double precision,
  p_radius_km double precision,
  p_commune integer,
  p_limit integer
)
returns bigint[]
language plpgsql
stable
set search_path = ''
-- Set to force_custom_plan for the page's statement only, below; a SET clause keeps the change
-- inside the function.
set plan_cache_mode = 'auto'
-- Within a radius, the index scan that walks the sites nearest first inside the radius's box stops
-- after the page; the planner, which cannot estimate the box, would rather collect the whole box
-- (a bitmap scan) and sort it.
set enable_bitmapscan = off
-- Turned off below for a walk nearest first; a SET clause keeps that change inside the function.
set enable_seqscan = on
as $$
declare
  v_point extensions.cube;
  v_box extensions.cube;
  v_province_id integer;
  v_district_id integer;
  v_parents integer[];
  v_sites bigint[];
  v_page bigint[] := '{}';
  v_in_commune boolean;
begin
  if p_lat is not null then
    v_point := private.unit_sphere_point(p_lat, p_lng);
    -- Within the radius means within its chord (2 sin(r / 2R) on the unit sphere): the box around
    -- that ball is what the index can answer; the distance itself is checked after.
    if p_radius_km is not null then
      v_box := extensions.cube_enlarge(v_point, 2 * sin(p_radius_km / (2 * 6371)) + 1e-9, 3);
    end if;
  end if;
  -- The sites the search may show, by their wards (a 2021 ward's province is its district's parent,
  -- a 2025 commune's its own parent): those of the codes given, else, walking nearest first, those
  -- of the campaign's province (where its sites lie, private.check_site_in_campaigns), so that the
  -- walk skips other provinces' sites without reading their sessions. The units above are looked
  -- up first, so that the wards are found by parent (admin_units_parent_id_idx).
  if p_province is not null then
    select p.id into v_province_id from public.admin_units p where p.unit_set = p_unit_set and p.code = p_province and p.level = 1;
    if v_province_id is null then return v_page; end if;
  elsif p_campaign_id is not null and p_lat is not null then
    select c.province_id into v_province_id from public.campaigns c where c.id = p_campaign_id;
  end if;
  if p_district is not null then
    select d.id into v_district_id from public.admin_units d where d.unit_set = p_unit_set and d.code = p_district and d.level = 2;
    if v_district_id is null then return v_page; end if;
  end if;
  if v_district_id is not null then
    v_parents := array[v_district_id];
  elsif v_province_id is not null then
    v_parents := array[v_province_id] || array(select d.id from public.admin_units d where d.parent_id = v_province_id);
  end if;
  -- Wards under the units found above are in the set already: by parent, not by set. Their sites
  -- by ward (intake_sites_ward_id_idx), a few hundred for a large province.
  if v_parents is not null then
    v_sites := array(
      select site.id from public.intake_sites site
      where site.ward_id = any (array(select w.id from public.admin_units w
                                      where w.parent_id = any (v_parents) and (p_ward is null or w.code = p_ward))));
  elsif p_ward is not null then
    v_sites := array(
      select site.id from public.intake_sites site
      where site.ward_id = (select w.id from public.admin_units w where w.unit_set = p_unit_set and w.code = p_ward));
  end if;

  -- The page's sessions in their order: with a point, first those of the commune it lies in, then
  -- the others, each part nearest first; then by date, site name and id.
  if v_point is not null then
    -- Where sites are few (a province's first weeks), the planner would rather read them all and
    -- sort than walk the index nearest first and stop at the page: slower as soon as it is busy.
    perform set_config('enable_seqscan', 'off', true);
  end if;
  perform set_config('plan_cache_mode', 'force_custom_plan', true);
  foreach v_in_commune in array array[true, false] loop
    -- (the commune's own sites are of its set: none when the search is in another)
    continue when v_in_commune and (p_commune is null or not exists (
      select 1 from public.admin_units c where c.id = p_commune and c.unit_set = p_unit_set));
    v_page := v_page || array(
      select sess.id
      from public.intake_sites site
      join public.intake_sessions sess on sess.site_id = site.id
      -- The sites found by their wards, and a campaign's (read in its set), lie in the set already:
      -- the check is planned away then. Else it is one lookup per site met (an EXISTS here, inside
      -- an OR, would be planned as a hash of every ward of the set).
      where (v_sites is not null or p_campaign_id is not null
             or (select ward.unit_set from public.admin_units ward where ward.id = site.ward_id) = p_unit_set)
        and case when v_in_commune then site.ward_id = p_commune else site.ward_id is distinct from p_commune end
        -- On both sides of the join: the sites by key (or walked nearest first), the sessions by the
        -- covering index; on one side only, the planner would read every site to join them.
        and (v_sites is null or (site.id = any (v_sites) and sess.site_id = any (v_sites)))
        and (v_box is null or site.sphere_point operator(extensions.<@) v_box)
        and (p_radius_km is null or private.distance_km(p_lat, p_lng, site.lat, site.lng) <= p_radius_km)
        and sess.published
        and sess.cancelled_at is null
        and sess.session_date between p_from and p_to
        and (p_campaign_id is null or sess.campaign_id = p_campaign_id)
        and exists (select 1 from public.shifts s where s.session_id = sess.id and s.ends_at > now())
      order by site.sphere_point operator(extensions.<->) v_point, sess.session_date, site.name, sess.id
      limit p_limit - cardinality(v_page));
  end loop;

  return v_page;
end;
$$;
comment on function private.search_page(date, date, text, integer, text, text, text, double precision, double precision, double precision, integer, integer) is
  'The session ids of a search_sessions page in its order: with a point, those of the commune first, then nearest first; then by date, site name and id.';

revoke execute on function private.search_page(date, date, text, integer, text, text, text, double precision, double precision, double precision, integer, integer) from public;

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
  shifts json,
  in_located_commune boolean
)
language plpgsql
stable
security definer
-- Definer: it returns only published, not cancelled sessions, their sites and shifts, which anyone
-- may read, and checks that itself; the tables' row policies (a subquery per site) cost more than
-- the search.
set search_path = ''
as $$
declare
  v_from date := coalesce(p_from, private.today());
  v_to date := coalesce(p_to, coalesce(p_from, private.today()) + 30);
  v_campaign_id integer;
  v_unit_set text := p_unit_set;
  v_commune integer;
  v_page bigint[];
begin
  if p_province !~ '^[0-9]{2}$' then perform private.raise_refusal('invalid_argument', '{"field": "province"}'); end if;
  if p_district !~ '^[0-9]{3}$' then perform private.raise_refusal('invalid_argument', '{"field": "district"}'); end if;
  if p_ward !~ '^[0-9]{5}$' then perform private.raise_refusal('invalid_argument', '{"field": "ward"}'); end if;
  if v_to < v_from or v_to > v_from + 92 then perform private.raise_refusal('invalid_argument', '{"field": "to"}'); end if;
  if (p_lat is null) <> (p_lng is null) or not private.in_viet_nam(p_lat, p_lng) then
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
  -- Sessions open and fill by the minute: a few seconds.
  perform private.cache_for(5);
  -- The 2025 commune the point lies in (no 2021 site is in one): its sessions come first.
  if p_lat is not null then v_commune := private.commune_at(p_lat, p_lng); end if;
  v_page := private.search_page(v_from, v_to, v_unit_set, v_campaign_id, p_province, p_district, p_ward,
                                p_lat, p_lng, p_radius_km, v_commune, p_limit);

  return query
  select
    sess.id, sess.session_date, sess.campaign_id,
    site.id, site.name, site.kind, site.address, site.access_notes, site.lat, site.lng,
    ward.code, ward.name, ward.name_en,
    -- 2021 units have a district between ward and province; 2025 units do not.
    case when up.level = 2 then up.code end,
    case when up.level = 2 then up.name end,
    case when up.level = 1 then up.code else top.code end,
    case when up.level = 1 then up.name else top.name end,
    -- English names exist in the 2025 set only (null in 2021).
    case when up.level = 1 then up.name_en else top.name_en end,
    round(d.distance::numeric, 2)::double precision,
    -- The campaign rule: people who live near the site come in the evening, after work; people
    -- from far away come by day, when there is light and transport. Near is within 3 km or the
    -- same ward; the shift suggested is one that can still be booked: the latest evening one for
    -- people nearby, the earliest daytime one for people far away, else the nearest to that.
    case when n.near then coalesce(sh.evening[cardinality(sh.evening)], sh.daytime[cardinality(sh.daytime)])
         else coalesce(sh.daytime[1], sh.evening[1]) end,
    sh.shifts,
    site.ward_id is not distinct from v_commune
  -- Each of the page's sessions by its primary key (offset 0 keeps the lookup per row): planned as
  -- a join, the page may meet a scan of every session, and this statement's plan is kept for the
  -- connection.
  from unnest(v_page) with ordinality as page (id, n)
  cross join lateral (select * from public.intake_sessions s where s.id = page.id offset 0) sess
  join public.intake_sites site on site.id = sess.site_id
  join public.admin_units ward on ward.id = site.ward_id
  join public.admin_units up on up.id = ward.parent_id
  left join public.admin_units top on top.id = up.parent_id
  -- Once per row (offset 0 keeps the planner from copying the call into every use of it).
  cross join lateral (
    select case when p_lat is not null then private.distance_km(p_lat, p_lng, site.lat, site.lng) end as distance offset 0) d
  cross join lateral (
    select case when d.distance is not null then d.distance <= 3 when p_ward is not null then ward.code = p_ward end as near) n
  -- Every aggregate in the order of the shifts' index, so none sorts per session; json, not jsonb:
  -- the answer is sent as text, and jsonb would be built only to be printed.
  cross join lateral (
    select json_agg(json_build_object(
             'id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at, 'capacity', s.capacity,
             'places_left', s.capacity - s.booked, 'bookable', now() < s.booking_closes_at)
           order by s.starts_at) as shifts,
           -- The shifts that can still be booked, evening ones (from 17:00, Viet Nam time) and the
           -- others, when there is a rule to apply (n.near, below).
           array_agg(s.id order by s.starts_at)
             filter (where n.near is not null and s.booked < s.capacity and now() < s.booking_closes_at
                     and extract(hour from s.starts_at at time zone 'Asia/Ho_Chi_Minh') >= 17) as evening,
           array_agg(s.id order by s.starts_at)
             filter (where n.near is not null and s.booked < s.capacity and now() < s.booking_closes_at
                     and extract(hour from s.starts_at at time zone 'Asia/Ho_Chi_Minh') < 17) as daytime
    from public.shifts s where s.session_id = sess.id) sh
  order by page.n;
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
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_origin record;
  v_limit integer := least(greatest(p_limit, 1), 20);
  v_found integer := 0;
  v_rows integer;
  v_farthest integer;
begin
  -- The chosen shift, as the caller may see it (the shifts' read policies: published, or in the
  -- officer's scope); the candidates below are published whoever asks.
  select site.lat, site.lng, site.sphere_point, sess.campaign_id, sess.id as session_id, sess.session_date, s.starts_at
  into v_origin
  from public.shifts s
  join public.intake_sessions sess on sess.id = s.session_id
  join public.intake_sites site on site.id = sess.site_id
  where s.id = p_shift_id
    and (sess.published or private.session_ward(sess.id) in (select private.staff_scope()));
  if not found then return; end if;
  perform private.cache_for(5);
  select greatest(v_origin.session_date - min(x.session_date), max(x.session_date) - v_origin.session_date)
  into v_farthest
  from public.intake_sessions x where x.campaign_id = v_origin.campaign_id;

  -- Day by day away from the chosen one (intake_sessions_campaign_id_date_idx), both sides at once,
  -- until the list is full: on day 0 its own session first, then by distance (the chord between
  -- the sites on the unit sphere orders as private.distance_km does, without computing it for
  -- every candidate), then by the hour of the day nearest the chosen one's.
  for v_days in 0 .. v_farthest loop
    return query
    select c.session_id, c.session_date, c.name, c.address,
           round(private.distance_km(v_origin.lat, v_origin.lng, c.lat, c.lng)::numeric, 2)::double precision,
           c.shift_id, c.starts_at, c.ends_at, c.places_left
    from (
      select sess.id as session_id, sess.session_date, site.name, site.address, site.lat, site.lng,
             s.id as shift_id, s.starts_at, s.ends_at, s.capacity - s.booked as places_left,
             sess.id <> v_origin.session_id as other_session,
             site.sphere_point operator(extensions.<->) v_origin.sphere_point as chord,
             -- by the hour of the day, so that on another day the same shift of the day comes first
             abs(extract(epoch from (s.starts_at at time zone 'Asia/Ho_Chi_Minh')::time
                                  - (v_origin.starts_at at time zone 'Asia/Ho_Chi_Minh')::time)) as seconds_away
      from public.intake_sessions sess
      join public.intake_sites site on site.id = sess.site_id
      join public.shifts s on s.session_id = sess.id
      where sess.campaign_id = v_origin.campaign_id
        and sess.session_date in (v_origin.session_date - v_days, v_origin.session_date + v_days)
        and sess.published
        and sess.cancelled_at is null
        and s.id <> p_shift_id
        and s.capacity - s.booked >= greatest(p_places, 1)
        and now() < s.booking_closes_at
      order by other_session, chord, seconds_away, shift_id
      limit v_limit - v_found) c
    order by c.other_session, c.chord, c.seconds_away, c.shift_id;
    get diagnostics v_rows = row_count;
    v_found := v_found + v_rows;
    exit when v_found >= v_limit;
  end loop;
end;
$$;
comment on function public.nearest_alternatives(bigint, integer, integer) is
  'Shifts of the same campaign that can take p_places people, nearest to the given shift: its session''s other shifts, then the same day by distance, then other days by how far in days, then distance.';

revoke execute on function public.nearest_alternatives(bigint, integer, integer) from public;
grant execute on function public.nearest_alternatives(bigint, integer, integer) to anon, authenticated;
