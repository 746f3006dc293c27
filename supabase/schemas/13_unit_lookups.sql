-- Finding units: names typed with or without tone marks, which 2025 commune a point lies in, and
-- what a 2021 ward became. The rows come from the generated reference-data migrations.

-- =====================================================================
-- Names without tone marks
-- =====================================================================

-- Lower case, tone and vowel marks dropped, đ as d, spaces collapsed: "Phường  Phú Hội" and
-- "phuong phu hoi" fold alike. NFD first, so input typed with combining marks folds the same.
create function private.fold_name(p_text text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select btrim(regexp_replace(
    translate(lower(regexp_replace(normalize(p_text, nfd), '[\u0300-\u036f]', '', 'g')), 'đĐ', 'dd'),
    '\s+', ' ', 'g'))
$$;
comment on function private.fold_name(text) is
  'A name folded for matching: lower case, without tone or vowel marks, đ as d, single spaces.';

grant execute on function private.fold_name(text) to anon, authenticated;

-- Added here rather than in 01_units_and_campaigns.sql: it needs the function above.
alter table public.admin_units
  add column name_folded text not null generated always as (private.fold_name(name)) stored;
comment on column public.admin_units.name_folded is
  'The name folded by private.fold_name, for lookups typed without tone marks.';

-- Lookups by part of a name (old_ward_lookup) use trigrams of the folded name.
create extension if not exists pg_trgm with schema extensions;
create index admin_units_name_folded_trgm_idx on public.admin_units using gin (name_folded extensions.gin_trgm_ops);

-- =====================================================================
-- The 2025 commune shapes
-- =====================================================================

-- One row per ring (outer rings, holes and islands alike): a point is in the commune when an odd
-- number of its rings contain it (even-odd). Coordinates are in units of 1e-5 degree (x = longitude,
-- y = latitude), whole numbers as in the data: Postgres's point-in-polygon test takes a cross
-- product below 1e-6 as zero, which in degrees puts a point near an edge "on" it (~17 m from a
-- 700 m edge, more from shorter ones; commune 23629's own point would also land in 23617); in
-- these units the tests are exact.
create table private.commune_rings (
  unit_id integer not null references public.admin_units (id),
  ring_no smallint not null check (ring_no > 0),
  ring polygon not null,
  bbox box not null generated always as (box(ring)) stored,
  primary key (unit_id, ring_no)
);
comment on table private.commune_rings is
  'The rings of each 2025 commune''s simplified shape, in 1e-5 degree units; even-odd over them.';

-- box @> box is what a GiST index on boxes answers (box @> point is not indexable).
create index commune_rings_bbox_idx on private.commune_rings using gist (bbox);

-- =====================================================================
-- Where am I? The 2025 commune of a point
-- =====================================================================

-- Rings whose box holds the point are the candidates (GiST); the commune is the one with an odd
-- number of them containing it. A point on a shared edge lies in both: the lower id answers.
create function private.commune_at(p_lat double precision, p_lng double precision)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  with here as (select point(p_lng * 1e5, p_lat * 1e5) as pt)
  select r.unit_id
  from private.commune_rings r, here
  where r.bbox @> box(here.pt, here.pt) and r.ring @> here.pt
  group by r.unit_id
  having count(*) % 2 = 1
  order by r.unit_id
  limit 1
$$;
comment on function private.commune_at(double precision, double precision) is
  'The id of the 2025 commune whose shape contains the point (even-odd over its rings), or null.';

grant execute on function private.commune_at(double precision, double precision) to anon, authenticated;

-- "Use my location": the commune and its province, or found = false at sea or abroad.
create function public.locate_commune(p_lat double precision, p_lng double precision)
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
comment on function public.locate_commune(double precision, double precision) is
  'The 2025 commune (and its province) whose shape contains the point; found = false at sea or abroad.';

revoke execute on function public.locate_commune(double precision, double precision) from public;
grant execute on function public.locate_commune(double precision, double precision) to anon, authenticated;

-- =====================================================================
-- My old address: what a 2021 ward became
-- =====================================================================

-- A 5-digit 2021 code, or a name typed with or without tone marks matched at the start of a word
-- of the ward's name ("phu hoi", "Phú Hội", "Phường Phú Hội"); the trigram index finds the
-- candidates. Names with the marks as typed come first, then names that end with the query (the
-- whole name after its kind), then by name; at most 10, each with the 2025 communes it became.
create function public.old_ward_lookup(p_query text)
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
comment on function public.old_ward_lookup(text) is
  '2021 wards matching a name (with or without tone marks) or a 5-digit code, at most 10, each with the 2025 communes it became.';

revoke execute on function public.old_ward_lookup(text) from public;
grant execute on function public.old_ward_lookup(text) to anon, authenticated;
