-- Staff: what a signed-in officer may see and change (their unit and everything under it), and
-- the audit log of every change they make.

-- =====================================================================
-- Scope
-- =====================================================================

-- Security definer: it reads staff_members, which an officer may read only their own row of.
create function private.staff_scope()
returns setof integer
language sql
stable
security definer
set search_path = ''
as $$
  with recursive covered as (
    select u.id from public.admin_units u
    join public.staff_members m on m.unit_id = u.id
    where m.user_id = (select auth.uid())
    union all
    select child.id from public.admin_units child join covered on child.parent_id = covered.id
  )
  select id from covered
$$;
comment on function private.staff_scope() is
  'The administrative units the signed-in officer covers: their own unit and all units under it (empty for anyone else).';

create function private.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.staff_members where user_id = (select auth.uid()))
$$;
comment on function private.is_staff() is 'True when the caller is a staff member.';

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

grant execute on function private.staff_scope(), private.is_staff(), private.session_ward(bigint), private.site_ward(bigint) to authenticated;

-- =====================================================================
-- Audit log
-- =====================================================================

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid not null references auth.users (id),
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id text not null,
  -- The unit the change belongs to, so officers read the log of their own scope.
  unit_id integer references public.admin_units (id),
  before jsonb,
  after jsonb
);
comment on table public.audit_log is
  'Every change a staff member made: who, when, which row, and the row before and after.';

create index audit_log_unit_id_at_idx on public.audit_log (unit_id, at desc);
create index audit_log_actor_idx on public.audit_log (actor);

alter table public.audit_log enable row level security;

create policy "Staff read the audit log of their scope"
  on public.audit_log for select to authenticated
  using (unit_id in (select private.staff_scope()));

grant select on public.audit_log to authenticated;

-- Writes the audit row of a staff change. Changes made by citizens' functions, by the seed or by
-- the service role have no staff actor and are not staff changes.
create function private.audit_staff_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(coalesce(new, old));
  v_unit integer;
begin
  if not private.is_staff() then
    return coalesce(new, old);
  end if;
  v_unit := case tg_table_name
    when 'intake_sites' then (v_row ->> 'ward_id')::integer
    when 'intake_sessions' then private.site_ward((v_row ->> 'site_id')::bigint)
    when 'shifts' then private.session_ward((v_row ->> 'session_id')::bigint)
    when 'bookings' then (select private.session_ward(session_id) from public.shifts where id = (v_row ->> 'shift_id')::bigint)
    when 'walk_ins' then (select private.session_ward(session_id) from public.shifts where id = (v_row ->> 'shift_id')::bigint)
    when 'daily_intake_counts' then (v_row ->> 'unit_id')::integer
    when 'unit_quotas' then (v_row ->> 'unit_id')::integer
  end;
  insert into public.audit_log (actor, action, table_name, row_id, unit_id, before, after)
  values ((select auth.uid()), lower(tg_op), tg_table_name, coalesce(v_row ->> 'id', v_row ->> 'unit_id'), v_unit,
          case when tg_op <> 'INSERT' then to_jsonb(old) end,
          case when tg_op <> 'DELETE' then to_jsonb(new) end);
  return coalesce(new, old);
end;
$$;
comment on function private.audit_staff_change() is
  'Trigger: records a staff member''s insert, update or delete in public.audit_log with the row before and after.';

-- =====================================================================
-- Walk-ins
-- =====================================================================

-- People who come without a booking get a queue number in the shift from the same counter as
-- bookings, so numbers never collide; they hold no place of the shift's capacity.
create table public.walk_ins (
  id bigint generated always as identity primary key,
  shift_id bigint not null references public.shifts (id),
  queue_no integer not null check (queue_no > 0),
  status text not null default 'checked_in' check (status in ('checked_in', 'served', 'no_show')),
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  unique (shift_id, queue_no)
);
comment on table public.walk_ins is
  'A queue number handed out at the site to a person without a booking.';

create index walk_ins_created_by_idx on public.walk_ins (created_by);

alter table public.walk_ins enable row level security;

create policy "Staff read the walk-ins of their scope"
  on public.walk_ins for select to authenticated
  using (private.session_ward((select s.session_id from public.shifts s where s.id = walk_ins.shift_id)) in (select private.staff_scope()));

grant select on public.walk_ins to authenticated;

-- =====================================================================
-- What staff may read and change, table by table
-- =====================================================================

-- One select policy per role and table (several permissive ones are each run for every row):
-- anonymous visitors read what is published, signed-in users that and their scope.
drop policy "Sites with a published session are readable by everyone" on public.intake_sites;
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
grant insert (ward_id, kind, name, address, lat, lng, access_notes) on public.intake_sites to authenticated;
grant update (ward_id, kind, name, address, lat, lng, access_notes) on public.intake_sites to authenticated;

drop policy "Published sessions are readable by everyone" on public.intake_sessions;
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
grant insert (campaign_id, site_id, session_date, published) on public.intake_sessions to authenticated;
-- The date moves only through staff_move_session, which moves the shifts' times with it.
grant update (published) on public.intake_sessions to authenticated;

drop policy "Shifts of published sessions are readable by everyone" on public.shifts;
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
-- Counts and queue numbers move only through the booking and day-of-intake functions.
grant insert (session_id, starts_at, ends_at, capacity) on public.shifts to authenticated;
grant update (starts_at, ends_at, capacity) on public.shifts to authenticated;
grant delete on public.shifts to authenticated;

create policy "Staff read the bookings of their scope"
  on public.bookings for select to authenticated
  using ((select private.session_ward(s.session_id) from public.shifts s where s.id = bookings.shift_id) in (select private.staff_scope()));
create policy "Staff read the contacts of bookings in their scope"
  on public.booking_groups for select to authenticated
  using (exists (
    select 1 from public.bookings b join public.shifts s on s.id = b.shift_id
    where b.group_id = booking_groups.id and private.session_ward(s.session_id) in (select private.staff_scope())));
grant select (id, group_id, campaign_id, shift_id, code, queue_no, status, full_name, birth_date, id_number, application_kind, created_at, updated_at, cancelled_at)
  on public.bookings to authenticated;
grant select (id, campaign_id, contact_phone, created_at) on public.booking_groups to authenticated;

create policy "Staff record the daily counts of their scope"
  on public.daily_intake_counts for insert to authenticated
  with check (unit_id in (select private.staff_scope()) and updated_by = (select auth.uid()));
create policy "Staff correct the daily counts of their scope"
  on public.daily_intake_counts for update to authenticated
  using (unit_id in (select private.staff_scope()))
  with check (unit_id in (select private.staff_scope()) and updated_by = (select auth.uid()));
grant insert (campaign_id, unit_id, day, applications, walk_ins, updated_by) on public.daily_intake_counts to authenticated;
grant update (applications, walk_ins, updated_at, updated_by) on public.daily_intake_counts to authenticated;

drop policy "Staff members read their own row" on public.staff_members;
create policy "Staff members read their own row and the staff of their scope"
  on public.staff_members for select to authenticated
  using (user_id = (select auth.uid()) or unit_id in (select private.staff_scope()));

-- =====================================================================
-- Audit triggers
-- =====================================================================

create trigger intake_sites_audit after insert or update or delete on public.intake_sites
  for each row execute function private.audit_staff_change();
create trigger intake_sessions_audit after insert or update or delete on public.intake_sessions
  for each row execute function private.audit_staff_change();
create trigger shifts_audit after insert or update or delete on public.shifts
  for each row execute function private.audit_staff_change();
create trigger bookings_audit after update on public.bookings
  for each row execute function private.audit_staff_change();
create trigger walk_ins_audit after insert or update on public.walk_ins
  for each row execute function private.audit_staff_change();
create trigger daily_intake_counts_audit after insert or update or delete on public.daily_intake_counts
  for each row execute function private.audit_staff_change();
create trigger unit_quotas_audit after insert or update or delete on public.unit_quotas
  for each row execute function private.audit_staff_change();
