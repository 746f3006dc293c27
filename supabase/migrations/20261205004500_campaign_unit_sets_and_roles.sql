-- Issue 13: a campaign's unit set and demonstration flag, the role set, and nothing mixing sets
-- (sessions, unit quotas and daily counts name units of their campaign's set and province).

-- =====================================================================
-- Campaigns: their unit set (their province's) and the demonstration flag
-- =====================================================================

alter table public.admin_units add constraint admin_units_id_unit_set_key unique (id, unit_set);

alter table public.campaigns add column unit_set text;
update public.campaigns c set unit_set = u.unit_set from public.admin_units u where u.id = c.province_id;
alter table public.campaigns alter column unit_set set not null;
alter table public.campaigns add column demonstration boolean not null default false;
alter table public.campaigns drop constraint campaigns_province_id_fkey;
alter table public.campaigns add constraint campaigns_province_id_fkey
  foreign key (province_id, unit_set) references public.admin_units (id, unit_set);
drop index public.campaigns_province_id_idx;
create index campaigns_province_id_unit_set_idx on public.campaigns (province_id, unit_set);

comment on column public.campaigns.unit_set is
  'The set of administrative units the campaign works in: its province''s (filled from it when left out).';
comment on column public.campaigns.demonstration is
  'The figures are made up for the demonstration; the site says so beside them.';

-- =====================================================================
-- The role set
-- =====================================================================

-- Every role an officer can hold, defined once: the level of unit it covers, the unit sets it
-- exists in, and its name as the console shows it. Since 1 March 2025 local police have two levels
-- (Decree 02/2025/NĐ-CP), so the district officer exists only in the 2021 set. A new role (issue
-- 15's volunteers) is a row here, and what it may do a change of the scope below.
create table public.staff_roles (
  role text primary key check (role ~ '^[a-z_]{3,40}$'),
  level smallint not null check (level between 1 and 3),
  unit_sets text[] not null check (cardinality(unit_sets) > 0),
  name_vi text not null check (length(name_vi) between 3 and 100),
  name_en text not null check (length(name_en) between 3 and 100)
);
comment on table public.staff_roles is
  'The roles an officer can hold: the level of unit each covers, the unit sets it exists in, its names.';
comment on column public.staff_roles.level is
  'The level of the unit the role covers (1 = province, 2 = district, 3 = ward or commune), with everything under it.';

alter table public.staff_roles enable row level security;

create policy "The role set is readable by everyone"
  on public.staff_roles for select to anon, authenticated using (true);

grant select on public.staff_roles to anon, authenticated, service_role;

insert into public.staff_roles (role, level, unit_sets, name_vi, name_en) values
  ('province_admin', 1, '{2021,2025}', 'Quản trị cấp tỉnh (Công an tỉnh)', 'Province administrator (provincial police)'),
  ('district_officer', 2, '{2021}', 'Cán bộ công an cấp huyện', 'District police officer'),
  ('commune_officer', 3, '{2021,2025}', 'Cán bộ công an cấp xã', 'Commune police officer');

alter table public.staff_members drop constraint staff_members_role_check;
alter table public.staff_members add constraint staff_members_role_fkey foreign key (role) references public.staff_roles (role);
create index staff_members_role_idx on public.staff_members (role);

drop trigger staff_members_unit_level on public.staff_members;
drop function private.check_staff_unit_level();

-- Why a role does not fit a unit, in words for the person adding the account, or null when it
-- fits: the unit must be of a set the role exists in and of the level it covers. The one place
-- the role set is applied: the trigger below refuses a staff member with it, and staff:add asks it
-- before it makes the Auth user, so a mistake leaves no account without a role.
create function public.staff_role_misfit(p_role text, p_unit_id integer)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_role public.staff_roles;
  v_unit public.admin_units;
  v_level_names constant text[] := array['province', 'district', 'ward or commune'];
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
  return null;
end;
$$;
comment on function public.staff_role_misfit(text, integer) is
  'Why the role does not fit the unit (a role of another set or level, or no such role), or null when it fits.';

revoke execute on function public.staff_role_misfit(text, integer) from public;
grant execute on function public.staff_role_misfit(text, integer) to service_role;

create function private.check_staff_role()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_misfit text := public.staff_role_misfit(new.role, new.unit_id);
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
  before insert or update of role, unit_id on public.staff_members
  for each row execute function private.check_staff_role();

-- =====================================================================
-- Nothing mixes unit sets
-- =====================================================================

-- Province codes repeat across sets (46 is Thừa Thiên Huế in 2021 and Thành phố Huế in 2025), so
-- the database keeps each campaign to its own units: a session's site, a unit quota and a daily
-- count name a unit of the campaign's set under its province (the triggers below and in
-- 09_progress.sql), refused `unit_not_in_campaign` otherwise.

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

-- The unit a session (through its site), a unit quota or a daily count names must lie in its
-- campaign. Checked by constraint triggers (at the end of each statement), so the refusal is the
-- violation of a named constraint, which private.constraint_refusals answers `unit_not_in_campaign`.
create function private.check_unit_in_campaign()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(new);
  v_unit integer := coalesce((v_row ->> 'unit_id')::integer, private.site_ward((v_row ->> 'site_id')::bigint));
begin
  if not private.unit_in_campaign(v_unit, (v_row ->> 'campaign_id')::integer) then
    raise exception '% names unit % outside the set and province of campaign %', tg_table_name, v_unit, v_row ->> 'campaign_id'
      using errcode = '23514', constraint = tg_name;
  end if;
  return new;
end;
$$;
comment on function private.check_unit_in_campaign() is
  'Trigger: refuses a row whose unit (unit_id, or its site''s ward) is not in its campaign''s set and province.';

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
          or exists (select 1 from public.daily_intake_counts where campaign_id = new.id)) then
    raise exception 'campaign % has sessions, quotas or counts in its province: it keeps it', new.id
      using errcode = '23514', constraint = tg_name;
  end if;
  return new;
end;
$$;
comment on function private.check_campaign_province() is
  'Trigger: refuses changing the province or set of a campaign that has sessions, unit quotas or daily counts.';

create constraint trigger campaigns_unit_in_campaign
  after update of province_id, unit_set on public.campaigns
  for each row execute function private.check_campaign_province();

insert into private.constraint_refusals (constraint_name, code) values
  ('intake_sessions_unit_in_campaign', 'unit_not_in_campaign'),
  ('intake_sites_unit_in_campaign', 'unit_not_in_campaign'),
  ('campaigns_unit_in_campaign', 'unit_not_in_campaign');

create or replace function public.staff_create_session(
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

    if jsonb_typeof(p_shifts) is distinct from 'array' or jsonb_array_length(p_shifts) not between 1 and 6 then
      perform private.refuse('invalid_argument', '{"field": "shifts"}');
    end if;
    -- Times of day in Viet Nam ("07:00"), as the console's form has them, the same rules as its
    -- checks: a real time, the end after the start, 1 to 5000 places, no overlap with an earlier
    -- shift. The shift's index is in the details.
    for v_plan in select value as plan, ordinality - 1 as index from jsonb_array_elements(p_shifts) with ordinality loop
      v_start := v_plan.plan ->> 'start';
      v_end := v_plan.plan ->> 'end';
      if coalesce(v_start, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' or coalesce(v_end, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
         or v_end <= v_start
         or jsonb_typeof(v_plan.plan -> 'capacity') is distinct from 'number' or v_plan.plan ->> 'capacity' !~ '^[0-9]{1,4}$' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
      v_capacity := (v_plan.plan ->> 'capacity')::integer;
      if v_capacity not between 1 and 5000 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
      v_starts_at := (p_date + v_start::time) at time zone 'Asia/Ho_Chi_Minh';
      v_ends_at := (p_date + v_end::time) at time zone 'Asia/Ho_Chi_Minh';
      if exists (select 1 from public.shifts where session_id = v_session_id and starts_at < v_ends_at and v_starts_at < ends_at) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
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

-- A count names a unit of its campaign's set under its province (private.check_unit_in_campaign,
-- 04_sites_sessions_shifts.sql): staff_record_daily_count answers any other unit_not_in_campaign.
create constraint trigger daily_intake_counts_unit_in_campaign
  after insert or update of campaign_id, unit_id on public.daily_intake_counts
  for each row execute function private.check_unit_in_campaign();

create constraint trigger unit_quotas_unit_in_campaign
  after insert or update of campaign_id, unit_id on public.unit_quotas
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('daily_intake_counts_unit_in_campaign', 'unit_not_in_campaign'),
  ('unit_quotas_unit_in_campaign', 'unit_not_in_campaign');
