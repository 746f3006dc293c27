-- Volunteers (issue 15): a site-bound role in the role set, which works at one intake site or one
-- session on the day's actions (check in, walk-in numbers, calling), covers no unit and sees queue
-- numbers and names only.

alter table public.staff_roles add column site_bound boolean not null default false;
comment on column public.staff_roles.site_bound is
  'The role works at one intake site or one session of a unit of its level (check in, walk-in numbers, calling), covers no unit and sees queue numbers and names only.';
insert into public.staff_roles (role, level, unit_sets, name_vi, name_en, site_bound) values
  ('volunteer', 3, '{2021,2025}', 'Tình nguyện viên (đoàn thanh niên, sinh viên)', 'Volunteer (youth union, students)', true);

alter table public.staff_members add column site_id bigint, add column session_id bigint;
comment on table public.staff_members is
  'An officer''s role and the administrative unit it covers (with everything under it); for a site-bound role, the site or session it works at.';
create index staff_members_site_id_idx on public.staff_members (site_id);
create index staff_members_session_id_idx on public.staff_members (session_id);
alter table public.staff_members
  add constraint staff_members_site_id_fkey foreign key (site_id) references public.intake_sites (id) on delete cascade,
  add constraint staff_members_session_id_fkey foreign key (session_id) references public.intake_sessions (id) on delete cascade;

-- npm run staff:add finds a volunteer's site and session by name and date with the secret key.
grant select on public.intake_sites, public.intake_sessions to service_role;

drop trigger staff_members_role_fits_unit on public.staff_members;
drop function public.staff_role_misfit(text, integer);
create function public.staff_role_misfit(p_role text, p_unit_id integer, p_site_id bigint default null, p_session_id bigint default null)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role public.staff_roles;
  v_unit public.admin_units;
  v_level_names constant text[] := array['province', 'district', 'ward or commune'];
  v_place_ward integer;
begin
  select * into v_role from public.staff_roles where role = p_role;
  if not found then
    return format('there is no role %L: the roles are %s', p_role,
                  (select string_agg(role, ', ' order by level, role) from public.staff_roles));
  end if;
  select * into v_unit from public.admin_units where id = p_unit_id;
  if not found then
    return format('there is no administrative unit with id %s', p_unit_id);
  end if;
  if not v_unit.unit_set = any (v_role.unit_sets) then
    return format('a %s exists only in the %s unit set, and %s (%s) is of the %s set', p_role,
                  array_to_string(v_role.unit_sets, ' and '), v_unit.name, v_unit.code, v_unit.unit_set);
  end if;
  if v_unit.level <> v_role.level then
    return format('a %s covers a unit of level %s (%s), and %s (%s) is of level %s (%s)', p_role,
                  v_role.level, v_level_names[v_role.level], v_unit.name, v_unit.code, v_unit.level, v_level_names[v_unit.level]);
  end if;
  if not v_role.site_bound then
    if p_site_id is not null or p_session_id is not null then
      return format('a %s covers a whole unit: it is given no site or session', p_role);
    end if;
    return null;
  end if;
  if num_nonnulls(p_site_id, p_session_id) <> 1 then
    return format('a %s works at one intake site or one session: give one of them', p_role);
  end if;
  -- Read here, not through private.site_ward: staff:add asks this with the secret key, whose role
  -- has no way into the private schema.
  v_place_ward := coalesce((select ward_id from public.intake_sites where id = p_site_id),
                           (select site.ward_id from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id
                            where sess.id = p_session_id));
  if v_place_ward is null then
    return format('there is no intake %s with id %s', case when p_site_id is null then 'session' else 'site' end,
                  coalesce(p_site_id, p_session_id));
  end if;
  if v_place_ward <> p_unit_id then
    return format('the %s %s is not in %s (%s)', case when p_site_id is null then 'session' else 'site' end,
                  coalesce(p_site_id, p_session_id), v_unit.name, v_unit.code);
  end if;
  return null;
end;
$$;
comment on function public.staff_role_misfit(text, integer, bigint, bigint) is
  'Why the role does not fit the unit, site or session (a role of another set or level, no such role, a site-bound role without one site or session of the unit, another role with one), or null when it fits.';

revoke execute on function public.staff_role_misfit(text, integer, bigint, bigint) from public;
grant execute on function public.staff_role_misfit(text, integer, bigint, bigint) to service_role;

create or replace function private.check_staff_role()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_misfit text := public.staff_role_misfit(new.role, new.unit_id, new.site_id, new.session_id);
begin
  if v_misfit is not null then
    raise exception '%', v_misfit using errcode = '23514', constraint = 'staff_members_role_fits_unit';
  end if;
  return new;
end;
$$;
comment on function private.check_staff_role() is
  'Refuses a staff member whose role does not fit the unit (public.staff_role_misfit says why).';

create trigger staff_members_role_fits_unit
  before insert or update of role, unit_id, site_id, session_id on public.staff_members
  for each row execute function private.check_staff_role();

create or replace function private.staff_scope()
returns setof integer
language sql
stable
security definer
set search_path = ''
as $$
  with recursive covered as (
    select u.id from public.admin_units u
    join public.staff_members m on m.unit_id = u.id
    join public.staff_roles r on r.role = m.role
    where m.user_id = (select auth.uid()) and not r.site_bound
    union all
    select child.id from public.admin_units child join covered on child.parent_id = covered.id
  )
  select id from covered
$$;
comment on function private.staff_scope() is
  'The administrative units the signed-in officer covers: their own unit and all units under it (empty for anyone else, a site-bound role too).';

create function private.covers_day_session(p_session_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.session_ward(p_session_id) in (select private.staff_scope())
    or exists (
      select 1 from public.staff_members m
      join public.intake_sessions sess on sess.id = p_session_id
      where m.user_id = (select auth.uid()) and (m.session_id = sess.id or m.site_id = sess.site_id))
$$;
comment on function private.covers_day_session(bigint) is
  'True when the signed-in officer covers the session, or the signed-in volunteer works at it or at its site.';

-- True when the caller's role is site-bound (a volunteer): what they are shown of a person is the
-- queue number, the name and the booking code they check people in by, nothing more.
create function private.is_site_bound()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members m join public.staff_roles r on r.role = m.role
    where m.user_id = (select auth.uid()) and r.site_bound)
$$;
comment on function private.is_site_bound() is 'True when the caller holds a site-bound role (a volunteer).';

-- The shift, locked, for the actions of the day at the site (check in, hand out a number, call):
-- the one check those actions share, so that who may take them is decided in one place. Officers
-- of the scope and the session's volunteers pass; a citizen is refused not_allowed, anyone else
-- not_found.
create or replace function private.lock_day_shift(p_shift_id bigint)
returns public.shifts
language plpgsql
set search_path = ''
as $$
declare
  v_shift public.shifts;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_shift from public.shifts where id = p_shift_id for update;
  if not found or not private.covers_day_session(v_shift.session_id) then
    perform private.refuse('not_found');
  end if;
  return v_shift;
end;
$$;
comment on function private.lock_day_shift(bigint) is
  'Locks a shift for the actions of the day at the site (check in, walk-in number, calling): officers of its scope and its volunteers; refuses not_allowed for non-staff, not_found for any other.';

-- =====================================================================
-- The day's roster
-- =====================================================================

-- Every booking and walk-in of a session's shifts, as the day page lists and counts them: each as
-- private.queue_entry shows it, so a volunteer gets numbers and names only, as everywhere (the
-- tables' policies give a volunteer nothing).
create function public.staff_day_queue(p_session_id bigint)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    if not exists (select 1 from public.intake_sessions where id = p_session_id) or not private.covers_day_session(p_session_id) then
      perform private.refuse('not_found');
    end if;
    return coalesce((
      select jsonb_agg(private.queue_entry(held.shift_id, held.queue_no) order by held.shift_id, held.queue_no)
      from (
        select b.shift_id, b.queue_no from public.bookings b join public.shifts s on s.id = b.shift_id where s.session_id = p_session_id
        union all
        select w.shift_id, w.queue_no from public.walk_ins w join public.shifts s on s.id = w.shift_id where s.session_id = p_session_id
      ) held), '[]'::jsonb);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_day_queue');
  end;
end;
$$;
comment on function public.staff_day_queue(bigint) is
  'The bookings and walk-ins of a session for the day page, as private.queue_entry shows them: officers of its scope in full, its volunteers as numbers and names.';

revoke execute on function public.staff_day_queue(bigint) from public;
grant execute on function public.staff_day_queue(bigint) to authenticated;

create or replace function private.queue_entry(p_shift_id bigint, p_queue_no integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('kind', 'booking', 'code', b.code, 'queue_no', b.queue_no, 'status', b.status,
                               'full_name', b.full_name,
                               'birth_date', case when not private.is_site_bound() then b.birth_date end,
                               'shift_id', b.shift_id, 'called_at', b.called_at)
     from public.bookings b where b.shift_id = p_shift_id and b.queue_no = p_queue_no),
    (select jsonb_build_object('kind', 'walk_in', 'code', null, 'queue_no', w.queue_no, 'status', w.status,
                               'full_name', null, 'birth_date', null, 'shift_id', w.shift_id,
                               'called_at', w.called_at)
     from public.walk_ins w where w.shift_id = p_shift_id and w.queue_no = p_queue_no))
$$;
comment on function private.queue_entry(bigint, integer) is 'The booking or walk-in holding a queue number in a shift.';
