-- Where and when applications are taken: intake sites, sessions on a date, and their shifts.
-- Anyone reads what is published; officers add and change what their scope covers.

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
  -- The queue board: officers move it ("call next"); anyone can read it.
  now_serving integer not null default 0 check (now_serving >= 0),
  now_serving_at timestamptz,
  check (ends_at > starts_at),
  check (booked between 0 and capacity),
  unique (session_id, starts_at),
  constraint shifts_now_serving_within_queue check (now_serving <= last_queue_no)
);
comment on table public.shifts is
  'A block of hours in a session with a number of places. booked counts active bookings.';
comment on column public.shifts.last_queue_no is
  'The last queue number handed out in this shift; numbers are never reused, even after a cancellation.';
comment on column public.shifts.now_serving is
  'The queue number called last in this shift (0 before the first call).';

-- Booking closes an hour before the end of a shift, so nobody is given a place they cannot reach.
create function private.shift_is_bookable(p_ends_at timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select now() < p_ends_at - interval '1 hour'
$$;
comment on function private.shift_is_bookable(timestamptz) is
  'True while a shift still takes bookings: until one hour before it ends.';

grant execute on function private.shift_is_bookable(timestamptz) to anon, authenticated;

-- =====================================================================
-- Where a session is held, for scope checks
-- =====================================================================

-- The ward a session is held in, for scope checks on sessions, shifts and bookings.
create function private.session_ward(p_session_id bigint)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select site.ward_id from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id
  where sess.id = p_session_id
$$;
comment on function private.session_ward(bigint) is 'The ward of the site a session is held at.';

-- The ward of a site, read past RLS: a policy on sessions that read intake_sites under RLS would
-- loop, as the sites' own policy reads sessions.
create function private.site_ward(p_site_id bigint)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select ward_id from public.intake_sites where id = p_site_id
$$;
comment on function private.site_ward(bigint) is 'The ward of a site.';

grant execute on function private.session_ward(bigint), private.site_ward(bigint) to authenticated;

-- =====================================================================
-- Who may read and change what
-- =====================================================================

alter table public.intake_sites enable row level security;
alter table public.intake_sessions enable row level security;
alter table public.shifts enable row level security;

-- One select policy per role and table (several permissive ones are each run for every row):
-- anonymous visitors read what is published, signed-in users that and their scope.
create policy "Sites with a published session are readable by anonymous visitors"
  on public.intake_sites for select to anon
  using (exists (select 1 from public.intake_sessions s where s.site_id = intake_sites.id and s.published));
create policy "Sites with a published session or in the officer's scope are readable by signed-in users"
  on public.intake_sites for select to authenticated
  using (ward_id in (select private.staff_scope())
         or exists (select 1 from public.intake_sessions s where s.site_id = intake_sites.id and s.published));
create policy "Staff add sites in their scope"
  on public.intake_sites for insert to authenticated
  with check (ward_id in (select private.staff_scope()));
create policy "Staff change the sites of their scope"
  on public.intake_sites for update to authenticated
  using (ward_id in (select private.staff_scope()))
  with check (ward_id in (select private.staff_scope()));

create policy "Published sessions are readable by anonymous visitors"
  on public.intake_sessions for select to anon
  using (published);
create policy "Published sessions or those in the officer's scope are readable by signed-in users"
  on public.intake_sessions for select to authenticated
  using (published or private.session_ward(id) in (select private.staff_scope()));
create policy "Staff add sessions at sites of their scope"
  on public.intake_sessions for insert to authenticated
  with check (private.site_ward(site_id) in (select private.staff_scope()));
create policy "Staff change the sessions of their scope"
  on public.intake_sessions for update to authenticated
  using (private.session_ward(id) in (select private.staff_scope()))
  with check (private.site_ward(site_id) in (select private.staff_scope()));

create policy "Shifts of published sessions are readable by anonymous visitors"
  on public.shifts for select to anon
  using (exists (select 1 from public.intake_sessions s where s.id = shifts.session_id and s.published));
create policy "Shifts of published sessions or in the officer's scope are readable by signed-in users"
  on public.shifts for select to authenticated
  using (private.session_ward(session_id) in (select private.staff_scope())
         or exists (select 1 from public.intake_sessions s where s.id = shifts.session_id and s.published));
create policy "Staff add shifts to sessions of their scope"
  on public.shifts for insert to authenticated
  with check (private.session_ward(session_id) in (select private.staff_scope()));
create policy "Staff change the shifts of their scope"
  on public.shifts for update to authenticated
  using (private.session_ward(session_id) in (select private.staff_scope()))
  with check (private.session_ward(session_id) in (select private.staff_scope()));
create policy "Staff remove shifts nobody has booked"
  on public.shifts for delete to authenticated
  using (private.session_ward(session_id) in (select private.staff_scope()) and last_queue_no = 0);

grant select on public.intake_sites, public.intake_sessions, public.shifts to anon, authenticated;
grant insert (ward_id, kind, name, address, lat, lng, access_notes) on public.intake_sites to authenticated;
grant update (ward_id, kind, name, address, lat, lng, access_notes) on public.intake_sites to authenticated;
grant insert (campaign_id, site_id, session_date, published) on public.intake_sessions to authenticated;
-- The date moves only through staff_move_session, which moves the shifts' times with it.
grant update (published) on public.intake_sessions to authenticated;
-- Counts and queue numbers move only through the booking and day-of-intake functions.
grant insert (session_id, starts_at, ends_at, capacity) on public.shifts to authenticated;
grant update (starts_at, ends_at, capacity) on public.shifts to authenticated;
grant delete on public.shifts to authenticated;

-- =====================================================================
-- Audit
-- =====================================================================

create trigger intake_sites_audit after insert or update or delete on public.intake_sites
  for each row execute function private.audit_staff_change();
create trigger intake_sessions_audit after insert or update or delete on public.intake_sessions
  for each row execute function private.audit_staff_change();
create trigger shifts_audit after insert or update or delete on public.shifts
  for each row execute function private.audit_staff_change();
