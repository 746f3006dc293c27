-- Staff accounts from the console (issue 17): an administrator creates officer and volunteer
-- accounts of their scope through the staff-accounts Edge Function, deactivates them and resets
-- their passwords; an officer changes their own password, and must after an administrator set it.
-- A deactivated account has no scope and takes no action, with or without a session already
-- issued; staff accounts are audited like every other staff change; administrators read the audit
-- log of their scope.

alter table public.staff_members
  add column active boolean not null default true,
  add column must_change_password boolean not null default false;

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
    where m.user_id = (select auth.uid()) and m.active and not r.site_bound
    union all
    select child.id from public.admin_units child join covered on child.parent_id = covered.id
  )
  select id from covered
$$;
comment on function private.staff_scope() is
  'The administrative units the signed-in officer covers: their own unit and all units under it (empty for anyone else, a site-bound role or a deactivated account too).';

create or replace function private.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.staff_members where user_id = (select auth.uid()) and active)
$$;
comment on function private.is_staff() is 'True when the caller is an active staff member.';

create or replace function private.audit_staff_change()
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

create or replace function private.covers_day_session(p_session_id bigint)
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
      where m.user_id = (select auth.uid()) and m.active and (m.session_id = sess.id or m.site_id = sess.site_id))
$$;
comment on function private.covers_day_session(bigint) is
  'True when the signed-in officer covers the session, or the signed-in volunteer works at it or at its site.';

create or replace function private.is_site_bound()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members m join public.staff_roles r on r.role = m.role
    where m.user_id = (select auth.uid()) and m.active and r.site_bound)
$$;
comment on function private.is_site_bound() is 'True when the caller holds a site-bound role (a volunteer).';


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

-- A deactivated province administrator sets up no campaign either.
create or replace function private.admin_province()
returns public.admin_units
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_unit public.admin_units;
begin
  select u.* into v_unit
  from public.staff_members m join public.admin_units u on u.id = m.unit_id
  where m.user_id = (select auth.uid()) and m.role = 'province_admin' and m.active and u.level = 1;
  if not found then
    perform private.refuse('not_allowed');
  end if;
  return v_unit;
end;
$$;
