-- Administrative units and provincial campaigns: the public reference data every page reads.

-- =====================================================================
-- Administrative units
-- =====================================================================

-- One row per unit of one official set ("2021": province > district > ward; "2025": province >
-- commune). GSO codes are reused across sets (a merged commune may keep a predecessor's code),
-- so a unit is keyed by a surrogate id and its code is unique only inside its set.
create table public.admin_units (
  id integer generated always as identity primary key,
  unit_set text not null check (unit_set ~ '^[0-9]{4}$'),
  code text not null check (code ~ '^[0-9]{2,5}$'),
  name text not null check (length(name) between 1 and 120),
  kind text not null check (length(kind) between 1 and 60),
  level smallint not null check (level between 1 and 3),
  parent_id integer references public.admin_units (id),
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  valid_from date not null,
  valid_to date,
  name_en text check (length(name_en) between 1 and 120),
  bbox box constraint admin_units_bbox_check check (bbox @> point(lng, lat)),
  unique (unit_set, code),
  check (valid_to is null or valid_to > valid_from),
  check ((level = 1) = (parent_id is null))
);
comment on table public.admin_units is
  'Provinces, districts and wards (GSO codes) of one official set; a tree through parent_id.';
comment on column public.admin_units.level is
  '1 = province, 2 = district (absent from the 2025 set), 3 = ward/commune.';
comment on column public.admin_units.name_en is
  'The English name (2025 set: "Thuan Hoa Ward"); null in the 2021 set, whose names are shown as they are.';
comment on column public.admin_units.bbox is
  'The bounding box of a 2025 commune (x = longitude, y = latitude), around its point.';

create index admin_units_parent_id_idx on public.admin_units (parent_id);

alter table public.admin_units enable row level security;

create policy "Administrative units are readable by everyone"
  on public.admin_units for select to anon, authenticated using (true);

-- The service role reads units too: staff accounts are made with the secret key (npm run staff:add).
grant select on public.admin_units to anon, authenticated, service_role;

-- The units (2021 and 2025 sets) are loaded by generated migrations (scripts/generate-units-data.ts);
-- the folded names and the commune shapes the lookups use are in 13_unit_lookups.sql.

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

-- =====================================================================
-- Campaigns
-- =====================================================================

-- A campaign names its province with the province's set (the foreign key below), so its set cannot
-- differ from its province's; this key is what that foreign key refers to.
alter table public.admin_units add constraint admin_units_id_unit_set_key unique (id, unit_set);

-- A province's drive to take CCCD applications against a quota before a deadline, with the rules the
-- booking engine applies to it (youngest age, most active bookings per phone). The campaign's unit
-- set is its province's: everything in it (sites' wards, quotas, daily counts, officers' units)
-- is a unit of that set under that province.
create table public.campaigns (
  id integer generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9-]{3,60}$'),
  province_id integer not null,
  name_vi text not null check (length(name_vi) between 3 and 200),
  name_en text not null check (length(name_en) between 3 and 200),
  quota integer not null check (quota > 0),
  daily_target integer check (daily_target > 0),
  starts_on date not null,
  deadline date not null,
  source text not null check (length(source) between 3 and 300),
  min_age smallint not null default 14 check (min_age between 0 and 18),
  max_active_per_phone smallint not null default 10 check (max_active_per_phone between 1 and 50),
  unit_set text not null,
  demonstration boolean not null default false,
  check (deadline >= starts_on),
  constraint campaigns_province_id_fkey foreign key (province_id, unit_set) references public.admin_units (id, unit_set)
);
comment on table public.campaigns is
  'A provincial CCCD intake campaign: quota of applications to take by the deadline.';
comment on column public.campaigns.source is
  'The directive or article the quota and deadline come from, shown beside them on the site.';
comment on column public.campaigns.min_age is
  'Youngest age, on the session date, at which a person may book (14 under the 2014 and 2023 laws).';
comment on column public.campaigns.max_active_per_phone is
  'Most active bookings one contact phone may hold in the campaign (a family books together).';
comment on column public.campaigns.unit_set is
  'The set of administrative units the campaign works in: its province''s (filled from it when left out).';
comment on column public.campaigns.demonstration is
  'The figures are made up for the demonstration; the site says so beside them.';

create index campaigns_province_id_unit_set_idx on public.campaigns (province_id, unit_set);

alter table public.campaigns enable row level security;

create policy "Campaigns are readable by everyone"
  on public.campaigns for select to anon, authenticated using (true);

grant select on public.campaigns to anon, authenticated;
