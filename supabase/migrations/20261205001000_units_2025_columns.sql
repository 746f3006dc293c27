-- Issue 13, units: English names and boxes of the 2025 units, what each 2025 unit was formed from,
-- folded names for lookups without tone marks, and the commune shapes. The rows follow in the
-- generated migrations 20261205001001 to 20261205001004.

alter table public.admin_units
  add column name_en text check (length(name_en) between 1 and 120),
  add column bbox box constraint admin_units_bbox_check check (bbox @> point(lng, lat));
comment on column public.admin_units.name_en is
  'The English name (2025 set: "Thuan Hoa Ward"); null in the 2021 set, whose names are shown as they are.';
comment on column public.admin_units.bbox is
  'The bounding box of a 2025 commune (x = longitude, y = latitude), around its point.';

-- What a 2025 unit was formed from: each 2021 unit merged into it, wholly or in part (a 2021 ward
-- split between two communes is linked to both); provinces to provinces, communes to wards.
create table public.admin_unit_origins (
  unit_id integer not null references public.admin_units (id),
  origin_id integer not null references public.admin_units (id),
  primary key (unit_id, origin_id)
);
comment on table public.admin_unit_origins is
  'A 2025 unit and a 2021 unit it was formed from (wholly or in part), for provinces and communes.';

create index admin_unit_origins_origin_id_idx on public.admin_unit_origins (origin_id);

alter table public.admin_unit_origins enable row level security;

create policy "What units were formed from is readable by everyone"
  on public.admin_unit_origins for select to anon, authenticated using (true);

grant select on public.admin_unit_origins to anon, authenticated;

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

alter table public.admin_units
  add column name_folded text not null generated always as (private.fold_name(name)) stored;
comment on column public.admin_units.name_folded is
  'The name folded by private.fold_name, for lookups typed without tone marks.';

-- =====================================================================
-- The 2025 commune shapes
-- =====================================================================

-- One row per ring (outer rings, holes and islands alike): a point is in the commune when an odd
-- number of its rings contain it (even-odd). Coordinates are in units of 1e-5 degree (x = longitude,
-- y = latitude), whole numbers as in the data: Postgres's geometric operators treat differences
-- below 1e-6 as zero, which in degrees puts points up to ~15 m from a long edge "on" it (commune
-- 23629's own point would also land in 23617); in these units the tests are exact.
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
