-- Where and when applications are taken: intake sites, sessions on a date, and their shifts.
-- Anyone reads what is published; officers add and change what their scope covers, through the
-- staff functions.

-- =====================================================================
-- Intake sites
-- =====================================================================

create table public.intake_sites (
  id bigint generated always as identity primary key,
  ward_id integer not null references public.admin_units (id),
  kind text not null check (kind in ('police_station', 'commune_hall', 'school', 'enterprise', 'other')),
  name text not null check (length(name) between 3 and 200),
  address text not null check (length(address) between 3 and 300),
  lat double precision not null check (private.in_viet_nam(lat, null)),
  lng double precision not null check (private.in_viet_nam(null, lng)),
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
  constraint intake_sessions_site_id_session_date_key unique (site_id, session_date)
);
comment on table public.intake_sessions is
  'A day of intake at one site. Citizens see and book it only once it is published.';
comment on column public.intake_sessions.session_date is 'The date in Asia/Ho_Chi_Minh.';

create index intake_sessions_campaign_id_date_idx on public.intake_sessions (campaign_id, session_date);
create index intake_sessions_session_date_idx on public.intake_sessions (session_date) where published;
-- The citizen searches (08_search.sql) walk the open sessions by date, or by campaign and date,
-- and filter them by site without visiting the table.
create index intake_sessions_open_date_idx on public.intake_sessions (session_date) include (site_id, campaign_id, id)
  where published and cancelled_at is null;
create index intake_sessions_open_campaign_date_idx on public.intake_sessions (campaign_id, session_date) include (site_id, id)
  where published and cancelled_at is null;

-- =====================================================================
-- Shifts
-- =====================================================================

create table public.shifts (
  id bigint generated always as identity primary key,
  session_id bigint not null references public.intake_sessions (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- Booking closes an hour before the end of a shift, so nobody is given a place they cannot
  -- reach. The one place this rule is written: the booking engine, the search and the booking page
  -- compare the time with this column. Computed in UTC, because a generated column needs an
  -- immutable expression and timestamptz arithmetic is only stable (a day's length depends on the
  -- time zone); an hour is an hour in any zone.
  booking_closes_at timestamptz not null generated always as (((ends_at at time zone 'UTC') - interval '1 hour') at time zone 'UTC') stored,
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
-- "Has a shift still to come" (search_sessions) from the index alone.
create index shifts_session_id_ends_at_idx on public.shifts (session_id, ends_at);

comment on table public.shifts is
  'A block of hours in a session with a number of places. booked counts active bookings.';
comment on column public.shifts.last_queue_no is
  'The last queue number handed out in this shift; numbers are never reused, even after a cancellation.';
comment on column public.shifts.booking_closes_at is
  'When the shift stops taking bookings: one hour before it ends. A shift is bookable while now() < booking_closes_at.';
comment on column public.shifts.now_serving is
  'The queue number called last in this shift (0 before the first call).';

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
-- Nothing mixes unit sets
-- =====================================================================

-- Province codes repeat across sets (46 is Thừa Thiên Huế in 2021 and Thành phố Huế in 2025), so
-- the database keeps each campaign to its own units: a session's site, a unit quota, a daily count,
-- a home-visit request and an organisation's request name a unit of the campaign's set under its
-- province (the triggers below, in 06_organisations.sql, 09_progress.sql and 11_home_visits.sql),
-- refused `unit_not_in_campaign` otherwise.

insert into private.refusal_statuses (code, status) values
  ('unit_not_in_campaign', 409);

-- Whether a unit is the campaign's province or lies under it. The units of a tree share its set,
-- and the campaign's province is of the campaign's set (its foreign key), so this also keeps the set.
create function private.unit_in_campaign(p_unit_id integer, p_campaign_id integer)
returns boolean
language sql
stable
set search_path = ''
as $$
  with recursive up as (
    select id, parent_id from public.admin_units where id = p_unit_id
    union all
    select u.id, u.parent_id from public.admin_units u join up on u.id = up.parent_id
  )
  select exists (select 1 from public.campaigns c join up on up.id = c.province_id where c.id = p_campaign_id)
$$;
comment on function private.unit_in_campaign(integer, integer) is
  'True when the unit is the campaign''s province or lies under it (and so is of the campaign''s unit set).';

-- A campaign made without its set takes its province's: the province already says which set it is.
create function private.campaign_unit_set()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.unit_set := coalesce(new.unit_set, (select unit_set from public.admin_units where id = new.province_id));
  return new;
end;
$$;
comment on function private.campaign_unit_set() is
  'Trigger: fills a new campaign''s unit set from its province when left out.';

create trigger campaigns_unit_set
  before insert on public.campaigns
  for each row execute function private.campaign_unit_set();

-- The unit a session (through its site), a unit quota, a daily count or a request (its ward) names
-- must lie in its campaign. Checked by constraint triggers (at the end of each statement), so the
-- refusal is the violation of a named constraint, which private.constraint_refusals answers
-- `unit_not_in_campaign`.
create function private.check_unit_in_campaign()
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

create constraint trigger intake_sessions_unit_in_campaign
  after insert or update of campaign_id, site_id on public.intake_sessions
  for each row execute function private.check_unit_in_campaign();

-- A site moved to another ward keeps its sessions' campaigns.
create function private.check_site_in_campaigns()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.intake_sessions s where s.site_id = new.id and not private.unit_in_campaign(new.ward_id, s.campaign_id)) then
    raise exception 'site % moved out of the set or province of a campaign it has sessions in', new.id
      using errcode = '23514', constraint = tg_name;
  end if;
  return new;
end;
$$;
comment on function private.check_site_in_campaigns() is
  'Trigger: refuses moving a site to a ward outside the set and province of the campaigns of its sessions.';

create constraint trigger intake_sites_unit_in_campaign
  after update of ward_id on public.intake_sites
  for each row execute function private.check_site_in_campaigns();

-- A campaign keeps its province and set once something names its units.
create function private.check_campaign_province()
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

create constraint trigger campaigns_unit_in_campaign
  after update of province_id, unit_set on public.campaigns
  for each row execute function private.check_campaign_province();

insert into private.constraint_refusals (constraint_name, code) values
  ('intake_sessions_unit_in_campaign', 'unit_not_in_campaign'),
  ('intake_sites_unit_in_campaign', 'unit_not_in_campaign'),
  ('campaigns_unit_in_campaign', 'unit_not_in_campaign');

-- =====================================================================
-- Who may read what
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

create policy "Published sessions are readable by anonymous visitors"
  on public.intake_sessions for select to anon
  using (published);
create policy "Published sessions or those in the officer's scope are readable by signed-in users"
  on public.intake_sessions for select to authenticated
  using (published or private.session_ward(id) in (select private.staff_scope()));

create policy "Shifts of published sessions are readable by anonymous visitors"
  on public.shifts for select to anon
  using (exists (select 1 from public.intake_sessions s where s.id = shifts.session_id and s.published));
create policy "Shifts of published sessions or in the officer's scope are readable by signed-in users"
  on public.shifts for select to authenticated
  using (private.session_ward(session_id) in (select private.staff_scope())
         or exists (select 1 from public.intake_sessions s where s.id = shifts.session_id and s.published));

-- No API role writes these tables: officers change them through the staff functions below (and the
-- day of intake's, 10_day_of_intake.sql), each one transaction; citizens through the booking engine.
grant select on public.intake_sites, public.intake_sessions, public.shifts to anon, authenticated;

-- =====================================================================
-- Staff changes
-- =====================================================================

-- Each staff action is one function: one transaction, the officer's scope checked first (the
-- lock_staff_* helpers are with the day of intake's, 10_day_of_intake.sql), refusals as stable
-- codes, every change audited by the tables' triggers.

insert into private.refusal_statuses (code, status) values
  ('capacity_below_booked', 409);

-- One session per site and day: staff_create_session and staff_move_session check first; a session
-- made at the same site and date meanwhile meets the constraint.
insert into private.constraint_refusals (constraint_name, code) values
  ('intake_sessions_site_id_session_date_key', 'session_exists');

-- A site as the console sends it ({ward_id, kind, name, address, lat, lng, access_notes}),
-- checked field by field so a refusal names the field; the ward must be in the officer's scope.
create function private.checked_site(p_site jsonb)
returns public.intake_sites
language plpgsql
stable
set search_path = ''
as $$
declare
  v_site public.intake_sites;
begin
  if jsonb_typeof(p_site) is distinct from 'object' then
    perform private.refuse('invalid_argument', '{"field": "site"}');
  end if;
  -- Each value is cast only once its type is known, in a statement of its own: Postgres does not
  -- promise to evaluate the operands of `or` in order.
  if jsonb_typeof(p_site -> 'ward_id') is distinct from 'number' or p_site ->> 'ward_id' !~ '^[0-9]{1,9}$' then
    perform private.refuse('invalid_argument', '{"field": "ward_id"}');
  end if;
  v_site.ward_id := (p_site ->> 'ward_id')::integer;
  if v_site.ward_id not in (select private.staff_scope()) then
    perform private.refuse('not_found', '{"field": "ward_id"}');
  end if;
  v_site.kind := p_site ->> 'kind';
  if v_site.kind is null or v_site.kind not in ('police_station', 'commune_hall', 'school', 'enterprise', 'other') then
    perform private.refuse('invalid_argument', '{"field": "kind"}');
  end if;
  v_site.name := btrim(p_site ->> 'name');
  if length(coalesce(v_site.name, '')) not between 3 and 200 then
    perform private.refuse('invalid_argument', '{"field": "name"}');
  end if;
  v_site.address := btrim(p_site ->> 'address');
  if length(coalesce(v_site.address, '')) not between 3 and 300 then
    perform private.refuse('invalid_argument', '{"field": "address"}');
  end if;
  if jsonb_typeof(p_site -> 'lat') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  v_site.lat := (p_site ->> 'lat')::double precision;
  if not private.in_viet_nam(v_site.lat, null) then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  if jsonb_typeof(p_site -> 'lng') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  v_site.lng := (p_site ->> 'lng')::double precision;
  if not private.in_viet_nam(null, v_site.lng) then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  -- Empty notes are stored as null: the schedules then show nothing rather than an empty line.
  v_site.access_notes := nullif(btrim(p_site ->> 'access_notes'), '');
  if length(coalesce(v_site.access_notes, '')) > 500 then
    perform private.refuse('invalid_argument', '{"field": "access_notes"}');
  end if;
  return v_site;
end;
$$;
comment on function private.checked_site(jsonb) is
  'Checks a site sent by the staff console; refuses not_found for a ward outside the officer''s scope, invalid_argument naming any other field.';

create function public.staff_update_site(p_site_id bigint, p_site jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_site public.intake_sites;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    perform 1 from public.intake_sites where id = p_site_id and ward_id in (select private.staff_scope()) for update;
    if not found then
      perform private.refuse('not_found');
    end if;
    v_site := private.checked_site(p_site);
    update public.intake_sites
    set ward_id = v_site.ward_id, kind = v_site.kind, name = v_site.name, address = v_site.address,
        lat = v_site.lat, lng = v_site.lng, access_notes = v_site.access_notes
    where id = p_site_id;
    return jsonb_build_object('ok', true, 'site_id', p_site_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_update_site');
  end;
end;
$$;
comment on function public.staff_update_site(bigint, jsonb) is
  'Corrects a site of the officer''s scope (name, kind, address, ward in the scope, coordinates, access notes).';

-- What is wrong with a shift plan as the console sends it ([{start: "07:00", end: "12:00",
-- capacity: 60}, …], times of day in Viet Nam): the index of the first shift that is not a real
-- time, ends before it starts, has not 1 to 5000 places or overlaps an earlier one; -1 when it is
-- not an array of 1 to 6 shifts; null when it is fine. The one check of a plan: a campaign's
-- default plan and the shifts of a session the console creates.
create function private.shift_plan_problem(p_plan jsonb)
returns integer
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_shift record;
  v_time constant text := '^([01][0-9]|2[0-3]):[0-5][0-9]$';
begin
  if jsonb_typeof(p_plan) is distinct from 'array' or jsonb_array_length(p_plan) not between 1 and 6 then
    return -1;
  end if;
  -- Each value is cast only once its type is known, in a statement of its own: Postgres does not
  -- promise to evaluate the operands of `or` in order.
  for v_shift in select value as plan, ordinality - 1 as index from jsonb_array_elements(p_plan) with ordinality loop
    if jsonb_typeof(v_shift.plan) is distinct from 'object'
       or coalesce(v_shift.plan ->> 'start', '') !~ v_time or coalesce(v_shift.plan ->> 'end', '') !~ v_time
       or v_shift.plan ->> 'end' <= v_shift.plan ->> 'start'
       or jsonb_typeof(v_shift.plan -> 'capacity') is distinct from 'number' or v_shift.plan ->> 'capacity' !~ '^[0-9]{1,4}$' then
      return v_shift.index;
    end if;
    if (v_shift.plan ->> 'capacity')::integer not between 1 and 5000 then
      return v_shift.index;
    end if;
    if exists (select 1 from jsonb_array_elements(p_plan) with ordinality o(plan, n)
               where n - 1 < v_shift.index and o.plan ->> 'start' < v_shift.plan ->> 'end'
                 and v_shift.plan ->> 'start' < o.plan ->> 'end') then
      return v_shift.index;
    end if;
  end loop;
  return null;
end;
$$;
comment on function private.shift_plan_problem(jsonb) is
  'The index of the first bad shift of a plan (not a time, end before start, not 1-5000 places, overlapping an earlier one), -1 for a plan that is not 1 to 6 shifts, null when fine.';

create function public.staff_create_session(
  p_campaign_id integer,
  p_date date,
  p_shifts jsonb,
  p_site_id bigint default null,
  p_new_site jsonb default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_site_id bigint := p_site_id;
  v_site public.intake_sites;
  v_session_id bigint;
  v_plan record;
  v_start text;
  v_end text;
  v_starts_at timestamptz;
  v_ends_at timestamptz;
  v_capacity integer;
  v_shift_ids bigint[] := '{}';
  v_shift_id bigint;
  v_problem integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    -- Where: a site of the scope, or a new one in a ward of the scope (added with the session, so
    -- a refused session leaves no site behind either).
    if (p_site_id is null) = (p_new_site is null) then
      perform private.refuse('invalid_argument', '{"field": "site"}');
    elsif p_site_id is not null then
      if private.site_ward(p_site_id) is null or private.site_ward(p_site_id) not in (select private.staff_scope()) then
        perform private.refuse('not_found', '{"field": "site"}');
      end if;
    else
      v_site := private.checked_site(p_new_site);
      insert into public.intake_sites (ward_id, kind, name, address, lat, lng, access_notes)
      values (v_site.ward_id, v_site.kind, v_site.name, v_site.address, v_site.lat, v_site.lng, v_site.access_notes)
      returning id into v_site_id;
    end if;
    -- A campaign of the site's province and unit set.
    if not private.unit_in_campaign(private.site_ward(v_site_id), p_campaign_id) then
      perform private.refuse('campaign_not_found');
    end if;
    if p_date is null or p_date < private.today() then
      perform private.refuse('invalid_argument', '{"field": "date"}');
    end if;
    -- Sessions start as drafts: publishing is its own step, with its notice warning.
    insert into public.intake_sessions (campaign_id, site_id, session_date, published)
    values (p_campaign_id, v_site_id, p_date, false)
    on conflict (site_id, session_date) do nothing
    returning id into v_session_id;
    if v_session_id is null then
      perform private.refuse('session_exists');
    end if;

    -- Times of day in Viet Nam ("07:00"), as the console's form has them, checked as a campaign's
    -- shift plan is (private.shift_plan_problem): a real time, the end after the start, 1 to 5000
    -- places, no overlap with an earlier shift. The shift's index is in the details.
    v_problem := private.shift_plan_problem(p_shifts);
    if v_problem = -1 then
      perform private.refuse('invalid_argument', '{"field": "shifts"}');
    elsif v_problem is not null then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_problem));
    end if;
    for v_plan in select value as plan from jsonb_array_elements(p_shifts) loop
      v_start := v_plan.plan ->> 'start';
      v_end := v_plan.plan ->> 'end';
      v_capacity := (v_plan.plan ->> 'capacity')::integer;
      v_starts_at := (p_date + v_start::time) at time zone 'Asia/Ho_Chi_Minh';
      v_ends_at := (p_date + v_end::time) at time zone 'Asia/Ho_Chi_Minh';
      insert into public.shifts (session_id, starts_at, ends_at, capacity)
      values (v_session_id, v_starts_at, v_ends_at, v_capacity)
      returning id into v_shift_id;
      v_shift_ids := v_shift_ids || v_shift_id;
    end loop;
    return jsonb_build_object('ok', true, 'session_id', v_session_id, 'site_id', v_site_id, 'shift_ids', to_jsonb(v_shift_ids));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_create_session');
  end;
end;
$$;
comment on function public.staff_create_session(integer, date, jsonb, bigint, jsonb) is
  'Creates a draft session with its shifts, at a site of the officer''s scope or a new one: all of it or nothing.';

-- Taking a published session back to draft hides it from the people booked in it too: the officer
-- confirms how many they are (private.confirm_booked_count, with the day of intake's functions).
create function public.staff_set_session_published(p_session_id bigint, p_published boolean, p_booked_count integer default 0)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.intake_sessions;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if p_published is null then
      perform private.refuse('invalid_argument', '{"field": "published"}');
    end if;
    if v_session.published and not p_published then
      perform private.confirm_booked_count(p_session_id, p_booked_count);
    end if;
    update public.intake_sessions set published = p_published where id = p_session_id;
    return jsonb_build_object('ok', true, 'session_id', p_session_id, 'published', p_published);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_set_session_published');
  end;
end;
$$;
comment on function public.staff_set_session_published(bigint, boolean, integer) is
  'Publishes a session of the officer''s scope (citizens find and book it) or takes it back to draft, the number of people booked confirmed.';

create function public.staff_set_shift_capacity(p_shift_id bigint, p_capacity integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    -- Locked: the booking functions lock the shift too, so `booked` cannot grow meanwhile.
    v_shift := private.lock_staff_shift(p_shift_id);
    if p_capacity is null or p_capacity not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "capacity"}');
    end if;
    if p_capacity < v_shift.booked then
      perform private.refuse('capacity_below_booked', jsonb_build_object('booked', v_shift.booked));
    end if;
    update public.shifts set capacity = p_capacity where id = p_shift_id;
    return jsonb_build_object('ok', true, 'shift_id', p_shift_id, 'capacity', p_capacity, 'booked', v_shift.booked);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_set_shift_capacity');
  end;
end;
$$;
comment on function public.staff_set_shift_capacity(bigint, integer) is
  'Changes the places of a shift of the officer''s scope, never below the places booked (capacity_below_booked).';

revoke execute on function public.staff_update_site(bigint, jsonb), public.staff_create_session(integer, date, jsonb, bigint, jsonb),
  public.staff_set_session_published(bigint, boolean, integer), public.staff_set_shift_capacity(bigint, integer) from public;
grant execute on function public.staff_update_site(bigint, jsonb), public.staff_create_session(integer, date, jsonb, bigint, jsonb),
  public.staff_set_session_published(bigint, boolean, integer), public.staff_set_shift_capacity(bigint, integer) to authenticated;

-- =====================================================================
-- Audit
-- =====================================================================

create trigger intake_sites_audit after insert or update or delete on public.intake_sites
  for each row execute function private.audit_staff_change();
create trigger intake_sessions_audit after insert or update or delete on public.intake_sessions
  for each row execute function private.audit_staff_change();
-- Every booking updates its shift while holding the shift's lock: without a signed-in user (a
-- citizen's booking) there is no staff change to log, and the condition skips the trigger's work.
create trigger shifts_audit after insert or update or delete on public.shifts
  for each row when (auth.uid() is not null) execute function private.audit_staff_change();
