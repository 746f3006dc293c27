-- Where and when applications are taken: intake sites, sessions on a date, and their shifts.

-- =====================================================================
-- Campaign rules used by the booking engine
-- =====================================================================

alter table public.campaigns
  add column min_age smallint not null default 14 check (min_age between 0 and 18),
  add column max_active_per_phone smallint not null default 10 check (max_active_per_phone between 1 and 50);
comment on column public.campaigns.min_age is
  'Youngest age, on the session date, at which a person may book (14 under the 2014 and 2023 laws).';
comment on column public.campaigns.max_active_per_phone is
  'Most active bookings one contact phone may hold in the campaign (a family books together).';

-- =====================================================================
-- Intake sites
-- =====================================================================

create table public.intake_sites (
  id bigint generated always as identity primary key,
  ward_id integer not null references public.admin_units (id),
  kind text not null check (kind in ('police_station', 'commune_hall', 'school', 'enterprise', 'other')),
  name text not null check (length(name) between 3 and 200),
  address text not null check (length(address) between 3 and 300),
  -- Vietnam, islands included.
  lat double precision not null check (lat between 8 and 24),
  lng double precision not null check (lng between 102 and 118),
  access_notes text check (length(access_notes) <= 500),
  created_at timestamptz not null default now()
);
comment on table public.intake_sites is
  'A place where a mobile team takes applications: police station, commune hall, school, enterprise.';
comment on column public.intake_sites.access_notes is
  'How to get there and get in: parking, ramp, entrance, what is nearby.';

create index intake_sites_ward_id_idx on public.intake_sites (ward_id);

-- =====================================================================
-- Sessions
-- =====================================================================

create table public.intake_sessions (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  site_id bigint not null references public.intake_sites (id),
  session_date date not null,
  published boolean not null default false,
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) <= 500),
  created_at timestamptz not null default now(),
  unique (site_id, session_date)
);
comment on table public.intake_sessions is
  'A day of intake at one site. Citizens see and book it only once it is published.';
comment on column public.intake_sessions.session_date is 'The date in Asia/Ho_Chi_Minh.';

create index intake_sessions_campaign_id_date_idx on public.intake_sessions (campaign_id, session_date);
create index intake_sessions_session_date_idx on public.intake_sessions (session_date) where published;

-- =====================================================================
-- Shifts
-- =====================================================================

create table public.shifts (
  id bigint generated always as identity primary key,
  session_id bigint not null references public.intake_sessions (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 5000),
  -- Kept by the booking functions in the same statement that places people, so that a shift
  -- can never hold more than its capacity, whatever the concurrency.
  booked integer not null default 0,
  last_queue_no integer not null default 0 check (last_queue_no >= 0),
  check (ends_at > starts_at),
  check (booked between 0 and capacity),
  unique (session_id, starts_at)
);
comment on table public.shifts is
  'A block of hours in a session with a number of places. booked counts active bookings.';
comment on column public.shifts.last_queue_no is
  'The last queue number handed out in this shift; numbers are never reused, even after a cancellation.';

-- =====================================================================
-- Who may read what
-- =====================================================================

alter table public.intake_sites enable row level security;
alter table public.intake_sessions enable row level security;
alter table public.shifts enable row level security;

create policy "Published sessions are readable by everyone"
  on public.intake_sessions for select to anon, authenticated
  using (published);

create policy "Sites with a published session are readable by everyone"
  on public.intake_sites for select to anon, authenticated
  using (exists (select 1 from public.intake_sessions s where s.site_id = intake_sites.id and s.published));

create policy "Shifts of published sessions are readable by everyone"
  on public.shifts for select to anon, authenticated
  using (exists (select 1 from public.intake_sessions s where s.id = shifts.session_id and s.published));

grant select on public.intake_sites, public.intake_sessions, public.shifts to anon, authenticated;
