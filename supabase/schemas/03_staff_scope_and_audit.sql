-- Staff: the officers who run the campaign, each with a role over an administrative unit and
-- everything under it; what a signed-in officer may see (their scope), and the audit log of every
-- change they make.

-- =====================================================================
-- The role set
-- =====================================================================

-- Every role an officer can hold, defined once: the level of unit it covers, the unit sets it
-- exists in, and its name as the console shows it. Since 1 March 2025 local police have two levels
-- (Decree 02/2025/NĐ-CP), so the district officer exists only in the 2021 set. A site-bound role
-- (the volunteers of the youth union and the students who hand out numbers and call them) covers
-- no unit: it works at one intake site or one session, on the day's actions only, and sees queue
-- numbers and names only.
create table public.staff_roles (
  role text primary key check (role ~ '^[a-z_]{3,40}$'),
  level smallint not null check (level between 1 and 3),
  unit_sets text[] not null check (cardinality(unit_sets) > 0),
  name_vi text not null check (length(name_vi) between 3 and 100),
  name_en text not null check (length(name_en) between 3 and 100),
  site_bound boolean not null default false
);
comment on table public.staff_roles is
  'The roles an officer can hold: the level of unit each covers, the unit sets it exists in, its names.';
comment on column public.staff_roles.level is
  'The level of the unit the role covers (1 = province, 2 = district, 3 = ward or commune), with everything under it.';
comment on column public.staff_roles.site_bound is
  'The role works at one intake site or one session of a unit of its level (check in, walk-in numbers, calling), covers no unit and sees queue numbers and names only.';

alter table public.staff_roles enable row level security;

create policy "The role set is readable by everyone"
  on public.staff_roles for select to anon, authenticated using (true);

grant select on public.staff_roles to anon, authenticated, service_role;

insert into public.staff_roles (role, level, unit_sets, name_vi, name_en, site_bound) values
  ('province_admin', 1, '{2021,2025}', 'Quản trị cấp tỉnh (Công an tỉnh)', 'Province administrator (provincial police)', false),
  ('district_officer', 2, '{2021}', 'Cán bộ công an cấp huyện', 'District police officer', false),
  ('commune_officer', 3, '{2021,2025}', 'Cán bộ công an cấp xã', 'Commune police officer', false),
  ('volunteer', 3, '{2021,2025}', 'Tình nguyện viên (đoàn thanh niên, sinh viên)', 'Volunteer (youth union, students)', true);

-- =====================================================================
-- Staff members
-- =====================================================================

create table public.staff_members (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role text not null references public.staff_roles (role),
  unit_id integer not null references public.admin_units (id),
  display_name text not null check (length(display_name) between 2 and 100),
  created_at timestamptz not null default now(),
  -- Where a site-bound role works: one site (every session held there) or one session, in the
  -- ward unit_id names. Their foreign keys are added with the day of intake (10_day_of_intake.sql):
  -- the sites are defined after the staff.
  site_id bigint,
  session_id bigint,
  -- An administrator deactivates an account instead of deleting it, so its audit rows keep their
  -- actor: an inactive member has no scope, and the Auth ban stops sign-in and refresh.
  active boolean not null default true,
  -- Set when an administrator created the account or reset its password (a password someone else
  -- knows): the console asks for a new one before anything else.
  must_change_password boolean not null default false
);
comment on table public.staff_members is
  'An officer''s role and the administrative unit it covers (with everything under it); for a site-bound role, the site or session it works at.';

create index staff_members_unit_id_idx on public.staff_members (unit_id);
create index staff_members_role_idx on public.staff_members (role);
create index staff_members_site_id_idx on public.staff_members (site_id);
create index staff_members_session_id_idx on public.staff_members (session_id);

alter table public.staff_members enable row level security;

-- Accounts are made by the staff-accounts Edge Function (an administrator in the console, through
-- the functions at the end of this file) or by a trusted tool with the secret key (npm run
-- staff:add): each creates the Auth user, then records the officer's role and unit here.
grant select on public.staff_members to authenticated;
grant select, insert, update, delete on public.staff_members to service_role;

-- Why a role does not fit a unit, in words for the person adding the account, or null when it
-- fits: the unit must be of a set the role exists in and of the level it covers; a site-bound role
-- names one site or one session of that unit, any other role neither. The one place the role set
-- is applied: the trigger below refuses a staff member with it, and staff:add asks it before it
-- makes the Auth user, so a mistake leaves no account without a role.
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

create function private.check_staff_role()
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

-- =====================================================================
-- Scope
-- =====================================================================

-- Security definer: it reads staff_members, which an officer may read only their own row of. A
-- site-bound role covers no unit: every policy and function that reads the scope gives it nothing
-- (the day's actions admit it through private.covers_day_session).
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
    join public.staff_roles r on r.role = m.role
    where m.user_id = (select auth.uid()) and m.active and not r.site_bound
    union all
    select child.id from public.admin_units child join covered on child.parent_id = covered.id
  )
  select id from covered
$$;
comment on function private.staff_scope() is
  'The administrative units the signed-in officer covers: their own unit and all units under it (empty for anyone else, a site-bound role or a deactivated account too).';

create function private.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.staff_members where user_id = (select auth.uid()) and active)
$$;
comment on function private.is_staff() is 'True when the caller is an active staff member.';

grant execute on function private.staff_scope(), private.is_staff() to authenticated;

create policy "Staff members read their own row and the staff of their scope"
  on public.staff_members for select to authenticated
  using (user_id = (select auth.uid()) or unit_id in (select private.staff_scope()));

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

-- A row as the audit log keeps it: without its token, key and request hashes, which the column
-- grants hide from officers and which the log must not hand them either.
create function private.audit_row(p_row jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select p_row - array(select k from jsonb_object_keys(p_row) k where k like '%\_hash')
$$;
comment on function private.audit_row(jsonb) is
  'A row''s JSON without the columns ending in _hash, for the audit log.';

-- Writes the audit row of a staff change. Changes made by citizens' functions, by the seed or by
-- the service role have no staff actor and are not staff changes. The unit of a row is found by
-- table name; tables not listed are audited under their ward_id, unit_id, province_id (a campaign)
-- or session's ward, so a new table needs no new branch here. Rows are logged without their hashes.
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
    else coalesce((v_row ->> 'ward_id')::integer, (v_row ->> 'unit_id')::integer, (v_row ->> 'province_id')::integer,
                  private.session_ward((v_row ->> 'session_id')::bigint))
  end;
  insert into public.audit_log (actor, action, table_name, row_id, unit_id, before, after)
  values ((select auth.uid()), lower(tg_op), tg_table_name, coalesce(v_row ->> 'id', v_row ->> 'user_id', v_row ->> 'unit_id'), v_unit,
          case when tg_op <> 'INSERT' then private.audit_row(to_jsonb(old)) end,
          case when tg_op <> 'DELETE' then private.audit_row(to_jsonb(new)) end);
  return coalesce(new, old);
end;
$$;
comment on function private.audit_staff_change() is
  'Trigger: records a staff member''s insert, update or delete in public.audit_log with the row before and after.';

create trigger staff_members_audit after insert or update or delete on public.staff_members
  for each row execute function private.audit_staff_change();

-- =====================================================================
-- Staff accounts, managed by administrators
-- =====================================================================

-- The staff-accounts Edge Function calls these with the administrator's own token before and after
-- its Auth admin calls, so the scope decides here and every change is audited under its actor.
-- An administrator manages the roles below their own level, in their scope: a province
-- administrator the district and commune officers and volunteers of the province, a district
-- officer the commune officers and volunteers of the district. Administrators themselves are made
-- with the secret key (npm run staff:add), as the first one must be.

insert into private.refusal_statuses (code, status) values ('role_misfit', 422);

create function private.may_manage(p_role text, p_unit_id integer)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
      select 1 from public.staff_members me
      join public.staff_roles mine on mine.role = me.role
      join public.staff_roles target on target.role = p_role
      where me.user_id = (select auth.uid()) and me.active and not mine.site_bound and target.level > mine.level)
    and p_unit_id in (select private.staff_scope())
$$;
comment on function private.may_manage(text, integer) is
  'True when the signed-in officer may manage an account of this role over this unit: an active officer of a higher level whose scope holds the unit.';

-- The account as the console lists it and the functions answer it.
create function private.account_json(p_member public.staff_members)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('user_id', p_member.user_id, 'display_name', p_member.display_name, 'role', p_member.role,
                            'unit_id', p_member.unit_id, 'site_id', p_member.site_id, 'active', p_member.active,
                            'must_change_password', p_member.must_change_password)
$$;
comment on function private.account_json(public.staff_members) is 'A staff account as the account functions answer it.';

-- Refuses unless the caller may give this role over this unit (not_allowed) and it fits
-- (role_misfit, with public.staff_role_misfit's reason).
create function private.check_new_account(p_role text, p_unit_id integer, p_site_id bigint)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_misfit text;
begin
  if not private.may_manage(p_role, p_unit_id) then
    perform private.refuse('not_allowed');
  end if;
  v_misfit := public.staff_role_misfit(p_role, p_unit_id, p_site_id, null);
  if v_misfit is not null then
    perform private.refuse('role_misfit', jsonb_build_object('reason', v_misfit));
  end if;
end;
$$;
comment on function private.check_new_account(text, integer, bigint) is
  'Refuses not_allowed when the caller may not give the role over the unit, role_misfit when it does not fit the unit or site.';

-- Asked before the Auth user is made, so a refused account leaves no Auth user behind.
create function public.staff_check_new_account(p_role text, p_unit_id integer, p_site_id bigint default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  perform private.check_new_account(p_role, p_unit_id, p_site_id);
  return jsonb_build_object('ok', true);
exception when others then
  get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                          v_constraint = constraint_name;
  return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_check_new_account');
end;
$$;
comment on function public.staff_check_new_account(text, integer, bigint) is
  'Whether the signed-in administrator may create an account of this role over this unit (and site): ok, or the refusal.';

-- Records the account of an Auth user the function has just made for this administrator: the user
-- must carry the administrator's id in its app_metadata (which only the secret key can write) and
-- have no role yet, so no caller can take over another account through this.
create function public.staff_record_account(p_user_id uuid, p_role text, p_unit_id integer, p_display_name text, p_site_id bigint default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.staff_members;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  perform private.check_new_account(p_role, p_unit_id, p_site_id);
  if not exists (select 1 from auth.users u where u.id = p_user_id and u.raw_app_meta_data ->> 'created_by' = (select auth.uid())::text)
     or exists (select 1 from public.staff_members where user_id = p_user_id) then
    perform private.refuse('not_found');
  end if;
  insert into public.staff_members (user_id, role, unit_id, display_name, site_id, must_change_password)
  values (p_user_id, p_role, p_unit_id, trim(p_display_name), p_site_id, true)
  returning * into v_member;
  return private.account_json(v_member);
exception when others then
  get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                          v_constraint = constraint_name;
  return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_record_account');
end;
$$;
comment on function public.staff_record_account(uuid, text, integer, text, bigint) is
  'Gives the Auth user just made for the signed-in administrator its role, unit and site, flagged to change its password at first sign-in.';

-- The account of the administrator's scope, locked, or not_found (another scope's account is as
-- unknown as a missing one).
create function private.lock_managed_account(p_user_id uuid)
returns public.staff_members
language plpgsql
set search_path = ''
as $$
declare
  v_member public.staff_members;
begin
  select * into v_member from public.staff_members where user_id = p_user_id for update;
  if not found or not private.may_manage(v_member.role, v_member.unit_id) then
    perform private.refuse('not_found');
  end if;
  return v_member;
end;
$$;
comment on function private.lock_managed_account(uuid) is
  'Locks an account the signed-in administrator manages; refuses not_found for any other.';

-- Deactivates or reactivates an account. The function bans (or unbans) the Auth user after it; the
-- database already refuses the account everything once this has run.
create function public.staff_set_account_active(p_user_id uuid, p_active boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.staff_members;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  perform private.lock_managed_account(p_user_id);
  update public.staff_members set active = p_active where user_id = p_user_id returning * into v_member;
  return private.account_json(v_member);
exception when others then
  get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                          v_constraint = constraint_name;
  return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_set_account_active');
end;
$$;
comment on function public.staff_set_account_active(uuid, boolean) is
  'Deactivates (false) or reactivates (true) an account the signed-in administrator manages.';

-- Flags an account whose password the administrator is about to reset: its officer must choose a
-- new one at the next sign-in.
create function public.staff_flag_password_reset(p_user_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.staff_members;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  perform private.lock_managed_account(p_user_id);
  update public.staff_members set must_change_password = true where user_id = p_user_id returning * into v_member;
  return private.account_json(v_member);
exception when others then
  get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                          v_constraint = constraint_name;
  return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_flag_password_reset');
end;
$$;
comment on function public.staff_flag_password_reset(uuid) is
  'Flags an account the signed-in administrator manages to change its password at the next sign-in (before the function resets it).';

-- The officer has set their own password (Supabase Auth's updateUser): the console stops asking.
create function public.staff_password_changed()
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.staff_members;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  update public.staff_members set must_change_password = false
  where user_id = (select auth.uid()) and active
  returning * into v_member;
  if not found then
    perform private.refuse('not_allowed');
  end if;
  return private.account_json(v_member);
exception when others then
  get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                          v_constraint = constraint_name;
  return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_password_changed');
end;
$$;
comment on function public.staff_password_changed() is
  'Clears the signed-in officer''s flag to change their password, once they have set a new one.';

-- The audit log of the administrator's scope, newest first, a page at a time (p_before: the last
-- id of the previous page), with the actors who appear in it for the filter. Names are the staff
-- members' display names; of the rows' before and after only the names of changed columns.
create function public.staff_audit_log(p_from date default null, p_to date default null, p_actor uuid default null,
                                       p_before bigint default null, p_limit integer default 50)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 200);
  v_entries jsonb;
  v_more boolean;
begin
  if not exists (
    select 1 from public.staff_members me join public.staff_roles r on r.role = me.role
    where me.user_id = (select auth.uid()) and me.active and not r.site_bound and r.level < 3) then
    perform private.raise_refusal('not_allowed');
  end if;
  select coalesce(jsonb_agg(entry order by entry_id desc), '[]'::jsonb) into v_entries
  from (
    select a.id as entry_id, jsonb_build_object(
      'id', a.id, 'at', a.at, 'action', a.action, 'table_name', a.table_name, 'row_id', a.row_id,
      -- Which columns an update changed, by name only: the values stay in the log.
      'changed', case when a.action = 'update' then (
        select coalesce(jsonb_agg(k order by k), '[]'::jsonb) from jsonb_object_keys(a.after) k
        where a.before -> k is distinct from a.after -> k) else '[]'::jsonb end,
      'actor', jsonb_build_object('id', a.actor, 'name', m.display_name),
      'unit', jsonb_build_object('id', u.id, 'code', u.code, 'name', u.name, 'name_en', u.name_en)) as entry
    from public.audit_log a
    join public.admin_units u on u.id = a.unit_id
    left join public.staff_members m on m.user_id = a.actor
    where a.unit_id in (select private.staff_scope())
      and (p_from is null or a.at >= p_from::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and (p_to is null or a.at < (p_to + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and (p_actor is null or a.actor = p_actor)
      and (p_before is null or a.id < p_before)
    order by a.id desc
    limit v_limit + 1
  ) page;
  -- One row more than the page tells whether another page follows; it is not shown.
  v_more := jsonb_array_length(v_entries) > v_limit;
  return jsonb_build_object(
    'entries', case when v_more then v_entries - v_limit else v_entries end,
    'more', v_more,
    'actors', coalesce((
      select jsonb_agg(jsonb_build_object('id', actors.actor, 'name', m.display_name) order by m.display_name, actors.actor)
      from (select distinct a.actor from public.audit_log a where a.unit_id in (select private.staff_scope())) actors
      left join public.staff_members m on m.user_id = actors.actor), '[]'::jsonb));
end;
$$;
comment on function public.staff_audit_log(date, date, uuid, bigint, integer) is
  'The audit log of the signed-in administrator''s scope, newest first, filtered by days (Viet Nam time) and actor, a page at a time, with the actors for the filter.';

revoke execute on function private.may_manage(text, integer), private.account_json(public.staff_members),
  private.check_new_account(text, integer, bigint), private.lock_managed_account(uuid) from public;
revoke execute on function public.staff_check_new_account(text, integer, bigint),
  public.staff_record_account(uuid, text, integer, text, bigint), public.staff_set_account_active(uuid, boolean),
  public.staff_flag_password_reset(uuid), public.staff_password_changed(),
  public.staff_audit_log(date, date, uuid, bigint, integer) from public;
grant execute on function public.staff_check_new_account(text, integer, bigint),
  public.staff_record_account(uuid, text, integer, text, bigint), public.staff_set_account_active(uuid, boolean),
  public.staff_flag_password_reset(uuid), public.staff_password_changed(),
  public.staff_audit_log(date, date, uuid, bigint, integer) to authenticated;
