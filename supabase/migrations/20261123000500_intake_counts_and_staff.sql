-- Applications taken per unit and day (what officials watch against the quota), and the staff
-- members who run the campaign.

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

grant select on public.daily_intake_counts to anon, authenticated;

-- =====================================================================
-- Unit targets
-- =====================================================================

-- The province splits its quota between districts (or communes, where there are no districts).
create table public.unit_quotas (
  campaign_id integer not null references public.campaigns (id),
  unit_id integer not null references public.admin_units (id),
  quota integer not null check (quota > 0),
  primary key (campaign_id, unit_id)
);
comment on table public.unit_quotas is
  'The share of a campaign quota given to one unit directly under the province.';

create index unit_quotas_unit_id_idx on public.unit_quotas (unit_id);

alter table public.unit_quotas enable row level security;

create policy "Unit quotas are readable by everyone"
  on public.unit_quotas for select to anon, authenticated using (true);

grant select on public.unit_quotas to anon, authenticated;

-- =====================================================================
-- Staff members
-- =====================================================================

create table public.staff_members (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role text not null check (role in ('province_admin', 'district_officer', 'commune_officer')),
  unit_id integer not null references public.admin_units (id),
  display_name text not null check (length(display_name) between 2 and 100),
  created_at timestamptz not null default now()
);
comment on table public.staff_members is
  'An officer''s role and the administrative unit it covers (with everything under it).';

create index staff_members_unit_id_idx on public.staff_members (unit_id);

alter table public.staff_members enable row level security;

create policy "Staff members read their own row"
  on public.staff_members for select to authenticated
  using (user_id = (select auth.uid()));

grant select on public.staff_members to authenticated;
