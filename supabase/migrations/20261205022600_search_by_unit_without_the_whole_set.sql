-- search_sessions by province or district: the wards are found by their parents' ids, and the
-- page's sites, already in the set, are not joined to every unit of the set again.

create or replace function private.search_page(
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
set plan_cache_mode = 'force_custom_plan'
-- Within a radius, the index scan that walks the sites nearest first inside the radius's box stops
-- after the page; the planner, which cannot estimate the box, would rather collect the whole box
-- (a bitmap scan) and sort it.
set enable_bitmapscan = off
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
  if v_parents is not null or p_ward is not null then
    v_sites := array(
      select site.id
      from public.admin_units w
      join public.intake_sites site on site.ward_id = w.id
      where w.unit_set = p_unit_set
        and (p_ward is null or w.code = p_ward)
        and (v_parents is null or w.parent_id = any (v_parents)));
  end if;

  -- The page's sessions in their order: with a point, first those of the commune it lies in, then
  -- the others, each part nearest first; then by date, site name and id.
  foreach v_in_commune in array array[true, false] loop
    continue when v_in_commune and p_commune is null;
    v_page := v_page || array(
      select sess.id
      from public.intake_sites site
      join public.intake_sessions sess on sess.site_id = site.id
      -- The sites found by their wards lie in the set already: the check is planned away then.
      where (v_sites is not null
             or exists (select 1 from public.admin_units ward where ward.id = site.ward_id and ward.unit_set = p_unit_set))
        and case when v_in_commune then site.ward_id = p_commune else site.ward_id is distinct from p_commune end
        -- (by site when walking sites nearest first, else by session from the covering index)
        and (v_sites is null or (case when v_point is null then sess.site_id else site.id end) = any (v_sites))
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
