-- The campaign planner (issue 18): the basic survey's people to take in beside each unit quota,
-- saved with the quotas; the planner's tables (machines, teams, settings, places per site, the
-- saved plan, publications) and its staff functions (read, setup, draft, publish).

alter table public.unit_quotas
  add column people_to_take_in integer check (people_to_take_in >= 0);
comment on column public.unit_quotas.people_to_take_in is
  'The basic survey''s figure: the people of the unit the campaign has to take in (null: not known). The planner plans for it, else for the quota.';

-- p_rows: [{line, code, quota, people?}], the lines of a CSV file or the rows of the typed table;
-- quota is the text as typed ("1200"), or null to take a unit's quota away; people, the basic
-- survey's people still to take in (a whole number or its text, 0 included), null when not known,
-- and absent to keep what is saved. Every row is judged, and the
-- good ones are saved even when others are refused: the answer lists each refused row with its
-- line and why (the first reason that applies, in this order): missing_code, unknown_code (no unit
-- has it), wrong_set (a unit of another set has it), not_in_province, wrong_level (not directly
-- under the province: districts on the 2021 units, communes on the 2025 units), duplicate (the
-- unit is on an earlier line, first_line), missing_quota, negative, not_a_number, zero, above_campaign_quota,
-- then the people figure's: negative, not_a_number (the same reasons as the quota's).
create or replace function public.staff_save_unit_quotas(p_campaign_id integer, p_rows jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_saved integer;
  v_removed integer;
  v_refused jsonb;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.lock_admin_campaign(p_campaign_id);
    if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) not between 1 and 5000
       or exists (select 1 from jsonb_array_elements(p_rows) r
                  where jsonb_typeof(r) is distinct from 'object' or jsonb_typeof(r -> 'line') is distinct from 'number'
                     or r ->> 'line' !~ '^[0-9]{1,6}$' or jsonb_typeof(r -> 'code') is distinct from 'string'
                     or jsonb_typeof(r -> 'quota') not in ('string', 'null')
                     or jsonb_typeof(r -> 'people') not in ('number', 'string', 'null')) then
      perform private.refuse('invalid_argument', '{"field": "rows"}');
    end if;

    -- One statement: the rows judged, the good ones saved or removed, the refused ones reported.
    with given as (
      select (r ->> 'line')::integer as line, btrim(r ->> 'code') as code, btrim(r ->> 'quota') as quota_text,
             jsonb_typeof(r -> 'quota') = 'null' as removing, r ? 'people' as people_given, btrim(r ->> 'people') as people_text
      from jsonb_array_elements(p_rows) r
    ),
    placed as (
      select g.*, mine.id as unit_id, mine.parent_id,
             private.unit_in_campaign(mine.id, v_campaign.id) as in_province,
             exists (select 1 from public.admin_units o where o.code = g.code) as known,
             min(g.line) over (partition by mine.id) as first_line
      from given g
      left join public.admin_units mine on mine.code = g.code and mine.unit_set = v_campaign.unit_set
    ),
    judged as (
      select p.line, p.code, p.unit_id, p.removing, p.first_line, p.people_given,
             case when p.quota_text ~ '^[0-9]{1,9}$' then p.quota_text::integer end as quota,
             case when p.people_text ~ '^[0-9]{1,9}$' then p.people_text::integer end as people,
             case
               when p.code = '' then 'missing_code'
               when p.unit_id is null and not p.known then 'unknown_code'
               when p.unit_id is null then 'wrong_set'
               when not p.in_province then 'not_in_province'
               when p.parent_id is distinct from v_campaign.province_id then 'wrong_level'
               when p.first_line < p.line then 'duplicate'
               when p.removing then null
               when p.quota_text = '' then 'missing_quota'
               when p.quota_text ~ '^-[0-9]+$' then 'negative'
               when p.quota_text !~ '^[0-9]{1,9}$' then 'not_a_number'
               when p.quota_text::integer = 0 then 'zero'
               when p.quota_text::integer > v_campaign.quota then 'above_campaign_quota'
               when p.people_text ~ '^-[0-9]+$' then 'negative'
               when p.people_text !~ '^[0-9]{1,9}$' then 'not_a_number'
             end as reason
      from placed p
    ),
    saved as (
      -- A row without people keeps the unit's saved figure.
      insert into public.unit_quotas (campaign_id, unit_id, quota, people_to_take_in)
      select v_campaign.id, j.unit_id, j.quota,
             case when j.people_given then j.people
                  else (select q.people_to_take_in from public.unit_quotas q where q.campaign_id = v_campaign.id and q.unit_id = j.unit_id) end
      from judged j where j.reason is null and not j.removing
      on conflict (campaign_id, unit_id) do update set quota = excluded.quota, people_to_take_in = excluded.people_to_take_in
      where (public.unit_quotas.quota, public.unit_quotas.people_to_take_in) is distinct from (excluded.quota, excluded.people_to_take_in)
      returning 1
    ),
    gone as (
      delete from public.unit_quotas q using judged j
      where j.reason is null and j.removing and q.campaign_id = v_campaign.id and q.unit_id = j.unit_id
      returning 1
    )
    select (select count(*) from judged where reason is null and not removing),
           (select count(*) from gone),
           (select coalesce(jsonb_agg(jsonb_build_object('line', line, 'code', code, 'reason', reason)
                                        || case when reason = 'duplicate' then jsonb_build_object('first_line', first_line) else '{}' end
                                      order by line), '[]')
            from judged where reason is not null)
    into v_saved, v_removed, v_refused;
    return jsonb_build_object('ok', true, 'campaign_id', v_campaign.id, 'saved', v_saved, 'removed', v_removed, 'refused', v_refused);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_save_unit_quotas');
  end;
end;
$$;
comment on function public.staff_save_unit_quotas(integer, jsonb) is
  'Saves the quotas of units directly under the province of an administrator''s campaign (null removes one), and the survey''s people to take in; answers each refused row with its line and reason.';

-- The campaign planner's tables and functions (issue 18). The planner itself runs in the officer's
-- browser (src/domain/planner/); the database keeps its inputs (machines, teams, places per site,
-- days off, shifts a day per team), the draft plan with its locks, and publishes a draft through the
-- console's own session functions. A province administrator of the campaign's province and unit set
-- is the only one who writes (staff_save_plan_setup, staff_save_plan, staff_publish_plan); officers
-- whose unit lies in the campaign's province and set read the tables; citizens read none of them.

-- =====================================================================
-- The planner's shifts
-- =====================================================================

-- The planner's three shifts (shiftNumbers in src/domain/planner/schema.ts), the Huế directive's:
-- 1 = 07–12, 2 = 12–17, 3 = 17–22, Viet Nam time. Publishing gives a planned shift these hours.
create function private.plan_shift_start(p_shift integer)
returns time
language sql
immutable
set search_path = ''
as $$
  select time '07:00' + (p_shift - 1) * interval '5 hours'
$$;
comment on function private.plan_shift_start(integer) is
  'The start, Viet Nam time, of the planner''s shift 1, 2 or 3 (07:00, 12:00, 17:00); each lasts five hours.';

-- The planner's shift a shift of other hours counts as, by its start: before 12:00 the first, before
-- 17:00 the second, else the evening. Read for the sessions already published and for the places of
-- a site the officer has not set (the campaign's shift plan).
create function private.plan_shift_of(p_start time)
returns integer
language sql
immutable
set search_path = ''
as $$
  select case when p_start < time '12:00' then 1 when p_start < time '17:00' then 2 else 3 end
$$;
comment on function private.plan_shift_of(time) is
  'The planner''s shift (1, 2 or 3) a shift starting at this time of day counts as: before 12:00, before 17:00, later.';

-- The sites a campaign may hold sessions at: every site of a ward (or commune) of its province and
-- set, with the unit directly under the province it counts under — the unit the campaign's people,
-- quotas and daily counts are kept at: a district on the 2021 units, the commune itself on the 2025
-- units (as campaign_progress ranks them).
create function private.campaign_sites(p_campaign_id integer)
returns table (site_id bigint, unit_id integer)
language sql
stable
set search_path = ''
as $$
  select s.id, under.id
  from public.campaigns c
  join public.admin_units under on under.parent_id = c.province_id
  join public.admin_units ward on ward.id = under.id or ward.parent_id = under.id
  join public.intake_sites s on s.ward_id = ward.id
  where c.id = p_campaign_id
$$;
comment on function private.campaign_sites(integer) is
  'The sites in a campaign''s province and set, each with the unit directly under the province it counts under (2021: its district; 2025: its commune).';

-- =====================================================================
-- The planner's tables
-- =====================================================================

-- Intake kits. Machines don't rest: the planner may send one to a site every day, all three shifts.
create table public.plan_machines (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  label text not null check (length(label) between 1 and 60),
  constraint plan_machines_campaign_id_label_key unique (campaign_id, label)
);
comment on table public.plan_machines is
  'A campaign''s intake machines (kits) the planner sends to sites, one site a day each.';

-- Mobile teams, each leaving from a base (the police station it works from), taking at most
-- places_per_shift people a shift, never on its days off.
create table public.plan_teams (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  name text not null check (length(name) between 1 and 100),
  base_name text not null check (length(base_name) between 1 and 200),
  base_lat double precision not null check (private.in_viet_nam(base_lat, null)),
  base_lng double precision not null check (private.in_viet_nam(null, base_lng)),
  places_per_shift integer not null check (places_per_shift between 1 and 5000),
  days_off date[] not null default '{}'
);
comment on table public.plan_teams is
  'A campaign''s mobile teams: the base they leave from, the people they take in per shift, their days off.';

create index plan_teams_campaign_id_idx on public.plan_teams (campaign_id);

-- The officer's settings for a campaign's plan; a campaign without a row takes the defaults.
create table public.plan_settings (
  campaign_id integer primary key references public.campaigns (id),
  team_shifts_per_day smallint not null default 1 check (team_shifts_per_day between 1 and 3),
  days_off date[] not null default '{}'
);
comment on table public.plan_settings is
  'A campaign''s planning settings: the shifts a day one team works, and the days without any session.';

-- The places a site offers the plan per shift, and for a school or an enterprise its own list of
-- people and the dates it asked for. A site of the campaign without a row takes its places from
-- the campaign's shift_plan: each planner shift the sum of the capacities of the plan's shifts
-- that count as it by their start (private.plan_shift_of: before 12:00, 17:00, later), 0 for none.
create table public.plan_sites (
  campaign_id integer not null references public.campaigns (id),
  site_id bigint not null references public.intake_sites (id),
  places integer[] not null check (cardinality(places) = 3 and array_position(places, null) is null
                                   and 0 <= all (places) and 5000 >= all (places)),
  people integer check (people >= 0),
  dates date[] check (cardinality(dates) between 1 and 400 and array_position(dates, null) is null),
  primary key (campaign_id, site_id)
);
comment on table public.plan_sites is
  'Places per planner shift (1, 2, 3; 0 = no such shift) at a site of a campaign, and a school''s or enterprise''s own people and dates.';
comment on column public.plan_sites.people is
  'The site''s own list of people (a school, an enterprise); null: a share of its unit''s people.';
comment on column public.plan_sites.dates is
  'The only dates the site takes sessions on (a session on request); null: any day.';

create index plan_sites_site_id_idx on public.plan_sites (site_id);

-- The plan as the officer saved it: a session per site and date with its machine, its shifts
-- ([{shift 1..3, team_id or null, places}]) and whether it is locked; once published, the session
-- it made (so a re-plan knows which machine and teams a published session has). Team ids live in
-- the shifts' JSON: the setup clears those of a team it removes.
create table public.planned_sessions (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  session_date date not null,
  site_id bigint not null references public.intake_sites (id),
  machine_id bigint references public.plan_machines (id) on delete set null,
  locked boolean not null default false,
  shifts jsonb not null check (jsonb_typeof(shifts) = 'array' and jsonb_array_length(shifts) between 1 and 3),
  session_id bigint references public.intake_sessions (id) on delete set null,
  constraint planned_sessions_campaign_id_site_id_session_date_key unique (campaign_id, site_id, session_date),
  constraint planned_sessions_session_id_key unique (session_id)
);
comment on table public.planned_sessions is
  'A campaign''s saved plan: a site on a date with a machine and a team and places per shift, locked or not; session_id once published.';

create index planned_sessions_site_id_idx on public.planned_sessions (site_id);
create index planned_sessions_machine_id_idx on public.planned_sessions (machine_id);

-- One row per publish: the audit log records it (its insert) under the campaign's province, beside
-- the sessions and shifts it made, which their own triggers record.
create table public.plan_publications (
  id bigint generated always as identity primary key,
  campaign_id integer not null references public.campaigns (id),
  -- The campaign's province, written by staff_publish_plan: the unit the audit log files it under.
  province_id integer not null references public.admin_units (id),
  published_at timestamptz not null default now(),
  sessions bigint[] not null check (cardinality(sessions) > 0),
  first_date date not null,
  last_date date not null check (last_date >= first_date)
);
comment on table public.plan_publications is
  'A plan published: the sessions it made and their first and last dates.';

create index plan_publications_campaign_id_idx on public.plan_publications (campaign_id);
create index plan_publications_province_id_idx on public.plan_publications (province_id);

create trigger plan_publications_audit after insert or update or delete on public.plan_publications
  for each row execute function private.audit_staff_change();

-- A site of the plan is one of its campaign's (private.check_unit_in_campaign, 04_sites_sessions_shifts.sql).
create constraint trigger plan_sites_unit_in_campaign
  after insert or update of campaign_id, site_id on public.plan_sites
  for each row execute function private.check_unit_in_campaign();
create constraint trigger planned_sessions_unit_in_campaign
  after insert or update of campaign_id, site_id on public.planned_sessions
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('plan_sites_unit_in_campaign', 'unit_not_in_campaign'),
  ('planned_sessions_unit_in_campaign', 'unit_not_in_campaign'),
  ('planned_sessions_campaign_id_site_id_session_date_key', 'session_exists');

-- =====================================================================
-- Who reads the plan
-- =====================================================================

-- The campaigns whose plan the signed-in officer reads: those of the province and set their unit
-- lies in (a district or commune officer may be shown the plan of their area). Site-bound roles
-- and deactivated accounts read none.
create function private.plan_campaigns()
returns setof integer
language sql
stable
security definer
set search_path = ''
as $$
  select c.id
  from public.staff_members m
  join public.staff_roles r on r.role = m.role
  join public.campaigns c on private.unit_in_campaign(m.unit_id, c.id)
  where m.user_id = (select auth.uid()) and m.active and not r.site_bound
$$;
comment on function private.plan_campaigns() is
  'The campaigns of the province and set the signed-in officer''s unit lies in (none for citizens, site-bound roles, deactivated accounts).';

grant execute on function private.plan_campaigns() to authenticated;

alter table public.plan_machines enable row level security;
alter table public.plan_teams enable row level security;
alter table public.plan_settings enable row level security;
alter table public.plan_sites enable row level security;
alter table public.planned_sessions enable row level security;
alter table public.plan_publications enable row level security;

create policy "Officers of the campaign's province read its machines"
  on public.plan_machines for select to authenticated using (campaign_id in (select private.plan_campaigns()));
create policy "Officers of the campaign's province read its teams"
  on public.plan_teams for select to authenticated using (campaign_id in (select private.plan_campaigns()));
create policy "Officers of the campaign's province read its planning settings"
  on public.plan_settings for select to authenticated using (campaign_id in (select private.plan_campaigns()));
create policy "Officers of the campaign's province read its sites' places"
  on public.plan_sites for select to authenticated using (campaign_id in (select private.plan_campaigns()));
create policy "Officers of the campaign's province read its plan"
  on public.planned_sessions for select to authenticated using (campaign_id in (select private.plan_campaigns()));
create policy "Officers of the campaign's province read its publications"
  on public.plan_publications for select to authenticated using (campaign_id in (select private.plan_campaigns()));

-- No API role writes these tables: the administrator changes them through the functions below.
grant select on public.plan_machines, public.plan_teams, public.plan_settings, public.plan_sites,
  public.planned_sessions, public.plan_publications to authenticated;

-- =====================================================================
-- Refusals
-- =====================================================================

-- Publishing a session dated within the notice (today to today + 14): the 15-day notice is a hard rule.
insert into private.refusal_statuses (code, status) values
  ('plan_within_notice', 409);

-- A campaign of the signed-in administrator's province and set, read without a lock (the planner's
-- read runs read-only); the same refusals as private.lock_admin_campaign.
create function private.admin_campaign(p_campaign_id integer)
returns public.campaigns
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_province public.admin_units := private.admin_province();
  v_campaign public.campaigns;
begin
  select * into v_campaign from public.campaigns
  where id = p_campaign_id and province_id = v_province.id and unit_set = v_province.unit_set;
  if not found then
    perform private.refuse('not_found', '{"field": "campaign"}');
  end if;
  return v_campaign;
end;
$$;
comment on function private.admin_campaign(integer) is
  'A campaign of the signed-in administrator''s province and set (no lock); refuses not_allowed (not an administrator) or not_found.';

-- Whether a JSON value is an ISO date (YYYY-MM-DD) Postgres reads as a real day.
create function private.is_json_date(p_value jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_typeof(p_value) = 'string' and p_value #>> '{}' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                  and pg_catalog.pg_input_is_valid(p_value #>> '{}', 'date'), false)
$$;
comment on function private.is_json_date(jsonb) is 'True when the JSON value is a YYYY-MM-DD string of a real date.';

-- Whether a JSON value is a whole number between the bounds.
create function private.is_json_int(p_value jsonb, p_min integer, p_max integer)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_typeof(p_value) = 'number' and p_value #>> '{}' ~ '^-?[0-9]{1,9}$'
                  and (p_value #>> '{}')::integer between p_min and p_max, false)
$$;
comment on function private.is_json_int(jsonb, integer, integer) is 'True when the JSON value is a whole number from p_min to p_max.';

-- A JSON array of distinct ISO dates, as date[]; null when it is anything else.
create function private.json_dates(p_value jsonb)
returns date[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_dates date[];
begin
  if jsonb_typeof(p_value) is distinct from 'array'
     or exists (select 1 from jsonb_array_elements(p_value) d where not private.is_json_date(d)) then
    return null;
  end if;
  select coalesce(array_agg(distinct (d #>> '{}')::date order by (d #>> '{}')::date), '{}') into v_dates
  from jsonb_array_elements(p_value) d;
  return v_dates;
end;
$$;
comment on function private.json_dates(jsonb) is 'The distinct dates of a JSON array of YYYY-MM-DD strings, sorted; null when it is not one.';

-- =====================================================================
-- The planner's read
-- =====================================================================

-- Everything the planner page needs about one campaign, in one answer (src/domain/planner-store.ts
-- plannerAnswer): the campaign, Viet Nam's today, its units (directly under the province: the
-- level its quotas, survey figures and daily counts are kept at) with their quota, the survey's
-- people to take in and the applications taken so far, its sites with the unit they count under and
-- their places per shift, the setup, the sessions published from today (with the machine and
-- teams of the plan that made them), the saved draft, and the applications per day so far.
create function public.staff_planner(p_campaign_id integer)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_today date := private.today();
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.admin_campaign(p_campaign_id);
    return jsonb_build_object(
      'ok', true,
      'campaign', jsonb_build_object(
        'id', v_campaign.id, 'slug', v_campaign.slug, 'name_vi', v_campaign.name_vi, 'name_en', v_campaign.name_en,
        'unit_set', v_campaign.unit_set, 'quota', v_campaign.quota, 'daily_target', v_campaign.daily_target,
        'starts_on', v_campaign.starts_on, 'deadline', v_campaign.deadline, 'shift_plan', v_campaign.shift_plan),
      'today', v_today,
      'units', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', u.id, 'code', u.code, 'name', u.name, 'name_en', u.name_en, 'level', u.level,
            'quota', q.quota, 'people', q.people_to_take_in, 'taken', coalesce(t.taken, 0))
          order by u.code), '[]'::jsonb)
        from public.admin_units u
        left join public.unit_quotas q on q.campaign_id = v_campaign.id and q.unit_id = u.id
        left join (
          -- A count kept at a ward (2021) goes to its district, as campaign_progress counts it.
          select case when cu.parent_id = v_campaign.province_id then cu.id else cu.parent_id end as unit_id,
                 sum(c.applications) as taken
          from public.daily_intake_counts c join public.admin_units cu on cu.id = c.unit_id
          where c.campaign_id = v_campaign.id and c.day <= v_today
          group by 1
        ) t on t.unit_id = u.id
        where u.parent_id = v_campaign.province_id),
      'sites', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', s.id, 'ward_id', s.ward_id, 'unit_code', under.code, 'kind', s.kind, 'name', s.name,
            'lat', s.lat, 'lng', s.lng,
            'places', coalesce(to_jsonb(ps.places), (
              select jsonb_agg(coalesce((
                  select sum((p.plan ->> 'capacity')::integer) from jsonb_array_elements(v_campaign.shift_plan) p(plan)
                  where private.plan_shift_of((p.plan ->> 'start')::time) = n), 0) order by n)
              from generate_series(1, 3) n)),
            'people', ps.people, 'dates', to_jsonb(ps.dates), 'configured', ps.site_id is not null)
          order by under.code, s.name, s.id), '[]'::jsonb)
        from private.campaign_sites(v_campaign.id) cs
        join public.intake_sites s on s.id = cs.site_id
        join public.admin_units under on under.id = cs.unit_id
        left join public.plan_sites ps on ps.campaign_id = v_campaign.id and ps.site_id = s.id),
      'machines', (
        select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'label', m.label) order by m.id), '[]'::jsonb)
        from public.plan_machines m where m.campaign_id = v_campaign.id),
      'teams', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', t.id, 'name', t.name, 'base_name', t.base_name, 'base_lat', t.base_lat, 'base_lng', t.base_lng,
            'places_per_shift', t.places_per_shift, 'days_off', to_jsonb(t.days_off)) order by t.id), '[]'::jsonb)
        from public.plan_teams t where t.campaign_id = v_campaign.id),
      'settings', coalesce(
        (select jsonb_build_object('team_shifts_per_day', st.team_shifts_per_day, 'days_off', to_jsonb(st.days_off))
         from public.plan_settings st where st.campaign_id = v_campaign.id),
        jsonb_build_object('team_shifts_per_day', 1, 'days_off', '[]'::jsonb)),
      -- The sessions citizens may book from today, whoever made them; shifts of other hours count
      -- as the planner shift they start in (private.plan_shift_of).
      'published', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'session_id', sess.id, 'site_id', sess.site_id, 'date', sess.session_date, 'machine_id', ps.machine_id,
            'shifts', (
              select jsonb_agg(jsonb_build_object('shift', sh.shift, 'places', sh.places, 'booked', sh.booked,
                                                  'team_id', (select (x ->> 'team_id')::bigint from jsonb_array_elements(ps.shifts) x
                                                              where (x ->> 'shift')::integer = sh.shift limit 1))
                               order by sh.shift)
              from (select private.plan_shift_of((s.starts_at at time zone 'Asia/Ho_Chi_Minh')::time) as shift,
                           sum(s.capacity)::integer as places, sum(s.booked)::integer as booked
                    from public.shifts s where s.session_id = sess.id group by 1) sh))
          order by sess.session_date, sess.site_id), '[]'::jsonb)
        from public.intake_sessions sess
        left join public.planned_sessions ps on ps.session_id = sess.id
        where sess.campaign_id = v_campaign.id and sess.published and sess.cancelled_at is null
          and sess.session_date >= v_today
          and exists (select 1 from public.shifts s where s.session_id = sess.id)),
      'draft', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'date', p.session_date, 'site_id', p.site_id, 'machine_id', p.machine_id, 'locked', p.locked, 'shifts', p.shifts)
          order by p.session_date, p.site_id), '[]'::jsonb)
        from public.planned_sessions p where p.campaign_id = v_campaign.id and p.session_id is null),
      'actual', (
        select coalesce(jsonb_agg(jsonb_build_object('date', d.day, 'applications', d.applications) order by d.day), '[]'::jsonb)
        from (select c.day, sum(c.applications)::integer as applications from public.daily_intake_counts c
              where c.campaign_id = v_campaign.id and c.day <= v_today group by c.day) d));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_planner');
  end;
end;
$$;
comment on function public.staff_planner(integer) is
  'What the planner needs about a campaign of the signed-in administrator: campaign, units, sites, setup, published sessions, draft, daily intake.';

-- =====================================================================
-- The setup
-- =====================================================================

-- p_setup: {team_shifts_per_day, days_off, machines: [{id?, label}], teams: [{id?, name, base_name,
-- base_lat, base_lng, places_per_shift, days_off}], sites: [{site_id, places: [n, n, n], people?,
-- dates?}]}, the whole setup at once: rows without an id are created, with an id updated, and the
-- campaign's rows missing from it removed (a site's row removed: its places come from the shift
-- plan again). A session of the plan that used a removed machine or team loses it. Each field is
-- checked with a refusal naming it ({field: "teams.base_lat", index: 2}). Answers the ids of the
-- machines and teams in the payload's order.
create function public.staff_save_plan_setup(p_campaign_id integer, p_setup jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_row record;
  v_id bigint;
  v_machine_ids bigint[] := '{}';
  v_team_ids bigint[] := '{}';
  v_days_off date[];
  v_field text;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.lock_admin_campaign(p_campaign_id);
    if jsonb_typeof(p_setup) is distinct from 'object' then
      perform private.refuse('invalid_argument', '{"field": "setup"}');
    end if;
    if not private.is_json_int(p_setup -> 'team_shifts_per_day', 1, 3) then
      perform private.refuse('invalid_argument', '{"field": "team_shifts_per_day"}');
    end if;
    v_days_off := private.json_dates(p_setup -> 'days_off');
    if v_days_off is null or cardinality(v_days_off) > 400 then
      perform private.refuse('invalid_argument', '{"field": "days_off"}');
    end if;
    foreach v_field in array array['machines', 'teams', 'sites'] loop
      if jsonb_typeof(p_setup -> v_field) is distinct from 'array' or jsonb_array_length(p_setup -> v_field) > 5000 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', v_field));
      end if;
    end loop;

    insert into public.plan_settings (campaign_id, team_shifts_per_day, days_off)
    values (v_campaign.id, (p_setup ->> 'team_shifts_per_day')::smallint, v_days_off)
    on conflict (campaign_id) do update set team_shifts_per_day = excluded.team_shifts_per_day, days_off = excluded.days_off;

    -- Machines: checked, the missing ones removed first (so a label can pass to a new row), then
    -- each updated or created.
    for v_row in select value as m, ordinality - 1 as index from jsonb_array_elements(p_setup -> 'machines') with ordinality loop
      if jsonb_typeof(v_row.m) is distinct from 'object' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'machines', 'index', v_row.index));
      end if;
      if v_row.m ? 'id' and not (private.is_json_int(v_row.m -> 'id', 1, 2147483647)
                                 and exists (select 1 from public.plan_machines where id = (v_row.m ->> 'id')::bigint and campaign_id = v_campaign.id)) then
        perform private.refuse('not_found', jsonb_build_object('field', 'machines.id', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.m -> 'label') is distinct from 'string' or length(btrim(v_row.m ->> 'label')) not between 1 and 60
         or exists (select 1 from jsonb_array_elements(p_setup -> 'machines') with ordinality o(m, n)
                    where n - 1 < v_row.index and btrim(o.m ->> 'label') = btrim(v_row.m ->> 'label')) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'machines.label', 'index', v_row.index));
      end if;
    end loop;
    delete from public.plan_machines m
    where m.campaign_id = v_campaign.id
      and m.id not in (select (x ->> 'id')::bigint from jsonb_array_elements(p_setup -> 'machines') x where x ? 'id');
    -- Labels change in two steps, so two machines may swap theirs.
    update public.plan_machines m set label = '~' || m.id
    from jsonb_array_elements(p_setup -> 'machines') x
    where x ? 'id' and m.id = (x ->> 'id')::bigint and m.label is distinct from btrim(x ->> 'label');
    for v_row in select value as m from jsonb_array_elements(p_setup -> 'machines') loop
      if v_row.m ? 'id' then
        update public.plan_machines set label = btrim(v_row.m ->> 'label') where id = (v_row.m ->> 'id')::bigint returning id into v_id;
      else
        insert into public.plan_machines (campaign_id, label) values (v_campaign.id, btrim(v_row.m ->> 'label')) returning id into v_id;
      end if;
      v_machine_ids := v_machine_ids || v_id;
    end loop;

    -- Teams.
    for v_row in select value as t, ordinality - 1 as index from jsonb_array_elements(p_setup -> 'teams') with ordinality loop
      if jsonb_typeof(v_row.t) is distinct from 'object' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams', 'index', v_row.index));
      end if;
      if v_row.t ? 'id' and not (private.is_json_int(v_row.t -> 'id', 1, 2147483647)
                                 and exists (select 1 from public.plan_teams where id = (v_row.t ->> 'id')::bigint and campaign_id = v_campaign.id)) then
        perform private.refuse('not_found', jsonb_build_object('field', 'teams.id', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.t -> 'name') is distinct from 'string' or length(btrim(v_row.t ->> 'name')) not between 1 and 100 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.name', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.t -> 'base_name') is distinct from 'string' or length(btrim(v_row.t ->> 'base_name')) not between 1 and 200 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.base_name', 'index', v_row.index));
      end if;
      -- Each value is cast only once its type is known, in a statement of its own.
      if jsonb_typeof(v_row.t -> 'base_lat') is distinct from 'number' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.base_lat', 'index', v_row.index));
      end if;
      if not private.in_viet_nam((v_row.t ->> 'base_lat')::double precision, null) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.base_lat', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.t -> 'base_lng') is distinct from 'number' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.base_lng', 'index', v_row.index));
      end if;
      if not private.in_viet_nam(null, (v_row.t ->> 'base_lng')::double precision) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.base_lng', 'index', v_row.index));
      end if;
      if not private.is_json_int(v_row.t -> 'places_per_shift', 1, 5000) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.places_per_shift', 'index', v_row.index));
      end if;
      v_days_off := private.json_dates(coalesce(v_row.t -> 'days_off', '[]'));
      if v_days_off is null or cardinality(v_days_off) > 400 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'teams.days_off', 'index', v_row.index));
      end if;
    end loop;
    -- A removed team leaves the shifts of the plan it worked without a team.
    update public.planned_sessions p
    set shifts = (select jsonb_agg(case when gone.id is null then x else jsonb_set(x, '{team_id}', 'null') end order by n)
                  from jsonb_array_elements(p.shifts) with ordinality s(x, n)
                  left join public.plan_teams gone on gone.id = (x ->> 'team_id')::bigint
                    and gone.id not in (select (t ->> 'id')::bigint from jsonb_array_elements(p_setup -> 'teams') t where t ? 'id'))
    where p.campaign_id = v_campaign.id
      and exists (select 1 from jsonb_array_elements(p.shifts) x
                  where jsonb_typeof(x -> 'team_id') = 'number'
                    and (x ->> 'team_id')::bigint not in (select (t ->> 'id')::bigint from jsonb_array_elements(p_setup -> 'teams') t where t ? 'id'));
    delete from public.plan_teams t
    where t.campaign_id = v_campaign.id
      and t.id not in (select (x ->> 'id')::bigint from jsonb_array_elements(p_setup -> 'teams') x where x ? 'id');
    for v_row in select value as t from jsonb_array_elements(p_setup -> 'teams') loop
      if v_row.t ? 'id' then
        update public.plan_teams
        set name = btrim(v_row.t ->> 'name'), base_name = btrim(v_row.t ->> 'base_name'),
            base_lat = (v_row.t ->> 'base_lat')::double precision, base_lng = (v_row.t ->> 'base_lng')::double precision,
            places_per_shift = (v_row.t ->> 'places_per_shift')::integer,
            days_off = private.json_dates(coalesce(v_row.t -> 'days_off', '[]'))
        where id = (v_row.t ->> 'id')::bigint
        returning id into v_id;
      else
        insert into public.plan_teams (campaign_id, name, base_name, base_lat, base_lng, places_per_shift, days_off)
        values (v_campaign.id, btrim(v_row.t ->> 'name'), btrim(v_row.t ->> 'base_name'),
                (v_row.t ->> 'base_lat')::double precision, (v_row.t ->> 'base_lng')::double precision,
                (v_row.t ->> 'places_per_shift')::integer, private.json_dates(coalesce(v_row.t -> 'days_off', '[]')))
        returning id into v_id;
      end if;
      v_team_ids := v_team_ids || v_id;
    end loop;

    -- Sites: each a site of the campaign, given once, with three places of 0 to 5000, people a
    -- whole number or null, dates within the campaign or null.
    for v_row in select value as s, ordinality - 1 as index from jsonb_array_elements(p_setup -> 'sites') with ordinality loop
      if jsonb_typeof(v_row.s) is distinct from 'object' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites', 'index', v_row.index));
      end if;
      if not private.is_json_int(v_row.s -> 'site_id', 1, 2147483647) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites.site_id', 'index', v_row.index));
      end if;
      if not exists (select 1 from private.campaign_sites(v_campaign.id) cs where cs.site_id = (v_row.s ->> 'site_id')::bigint) then
        perform private.refuse('not_found', jsonb_build_object('field', 'sites.site_id', 'index', v_row.index));
      end if;
      if exists (select 1 from jsonb_array_elements(p_setup -> 'sites') with ordinality o(s, n)
                 where n - 1 < v_row.index and o.s -> 'site_id' = v_row.s -> 'site_id') then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites.site_id', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.s -> 'places') is distinct from 'array' or jsonb_array_length(v_row.s -> 'places') <> 3
         or exists (select 1 from jsonb_array_elements(v_row.s -> 'places') p where not private.is_json_int(p, 0, 5000)) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites.places', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.s -> 'people') is distinct from 'null' and v_row.s ? 'people'
         and not private.is_json_int(v_row.s -> 'people', 0, 10000000) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites.people', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.s -> 'dates') is distinct from 'null' and v_row.s ? 'dates' then
        v_days_off := private.json_dates(v_row.s -> 'dates');
        if v_days_off is null or cardinality(v_days_off) not between 1 and 400
           or v_days_off[1] < v_campaign.starts_on or v_days_off[cardinality(v_days_off)] > v_campaign.deadline then
          perform private.refuse('invalid_argument', jsonb_build_object('field', 'sites.dates', 'index', v_row.index));
        end if;
      end if;
    end loop;
    delete from public.plan_sites ps
    where ps.campaign_id = v_campaign.id
      and ps.site_id not in (select (x ->> 'site_id')::bigint from jsonb_array_elements(p_setup -> 'sites') x);
    insert into public.plan_sites (campaign_id, site_id, places, people, dates)
    select v_campaign.id, (x ->> 'site_id')::bigint,
           array(select (p #>> '{}')::integer from jsonb_array_elements(x -> 'places') with ordinality e(p, n) order by n),
           (x ->> 'people')::integer,
           case when jsonb_typeof(x -> 'dates') = 'array' then private.json_dates(x -> 'dates') end
    from jsonb_array_elements(p_setup -> 'sites') x
    on conflict (campaign_id, site_id) do update set places = excluded.places, people = excluded.people, dates = excluded.dates;

    return jsonb_build_object('ok', true, 'machine_ids', to_jsonb(v_machine_ids), 'team_ids', to_jsonb(v_team_ids));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_save_plan_setup');
  end;
end;
$$;
comment on function public.staff_save_plan_setup(integer, jsonb) is
  'Saves the whole planning setup of an administrator''s campaign: settings, machines, teams, places per site; answers the machines'' and teams'' ids.';

-- =====================================================================
-- The draft
-- =====================================================================

-- p_sessions: [{date, site_id, machine_id or null, locked, shifts: [{shift, team_id or null,
-- places}]}], the whole draft: it replaces the campaign's planned sessions not yet published. Each
-- session is checked ({field: "sessions.date", index: 3}): a date of the campaign, a site of it, at
-- most one session a site and day (a published one of the plan included: session_exists), its
-- machine and teams the campaign's, 1 to 3 distinct shifts of 1 to 5000 places.
create function public.staff_save_plan(p_campaign_id integer, p_sessions jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_row record;
  v_shift record;
  v_saved integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.lock_admin_campaign(p_campaign_id);
    if jsonb_typeof(p_sessions) is distinct from 'array' or jsonb_array_length(p_sessions) > 20000 then
      perform private.refuse('invalid_argument', '{"field": "sessions"}');
    end if;
    for v_row in select value as s, ordinality - 1 as index from jsonb_array_elements(p_sessions) with ordinality loop
      if jsonb_typeof(v_row.s) is distinct from 'object' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions', 'index', v_row.index));
      end if;
      if not private.is_json_date(v_row.s -> 'date') then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.date', 'index', v_row.index));
      end if;
      if (v_row.s ->> 'date')::date not between v_campaign.starts_on and v_campaign.deadline then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.date', 'index', v_row.index));
      end if;
      if not private.is_json_int(v_row.s -> 'site_id', 1, 2147483647) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.site_id', 'index', v_row.index));
      end if;
      if not exists (select 1 from private.campaign_sites(v_campaign.id) cs where cs.site_id = (v_row.s ->> 'site_id')::bigint) then
        perform private.refuse('not_found', jsonb_build_object('field', 'sessions.site_id', 'index', v_row.index));
      end if;
      -- An absent machine or team is none.
      if coalesce(jsonb_typeof(v_row.s -> 'machine_id'), 'null') <> 'null'
         and not (private.is_json_int(v_row.s -> 'machine_id', 1, 2147483647)
                  and exists (select 1 from public.plan_machines where id = (v_row.s ->> 'machine_id')::bigint and campaign_id = v_campaign.id)) then
        perform private.refuse('not_found', jsonb_build_object('field', 'sessions.machine_id', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.s -> 'locked') is distinct from 'boolean' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.locked', 'index', v_row.index));
      end if;
      if jsonb_typeof(v_row.s -> 'shifts') is distinct from 'array' or jsonb_array_length(v_row.s -> 'shifts') not between 1 and 3 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.shifts', 'index', v_row.index));
      end if;
      for v_shift in select value as sh, ordinality - 1 as n from jsonb_array_elements(v_row.s -> 'shifts') with ordinality loop
        if jsonb_typeof(v_shift.sh) is distinct from 'object' or not private.is_json_int(v_shift.sh -> 'shift', 1, 3)
           or exists (select 1 from jsonb_array_elements(v_row.s -> 'shifts') with ordinality o(sh, m)
                      where m - 1 < v_shift.n and o.sh -> 'shift' = v_shift.sh -> 'shift') then
          perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.shifts.shift', 'index', v_row.index, 'shift', v_shift.n));
        end if;
        if not private.is_json_int(v_shift.sh -> 'places', 1, 5000) then
          perform private.refuse('invalid_argument', jsonb_build_object('field', 'sessions.shifts.places', 'index', v_row.index, 'shift', v_shift.n));
        end if;
        if coalesce(jsonb_typeof(v_shift.sh -> 'team_id'), 'null') <> 'null'
           and not (private.is_json_int(v_shift.sh -> 'team_id', 1, 2147483647)
                    and exists (select 1 from public.plan_teams where id = (v_shift.sh ->> 'team_id')::bigint and campaign_id = v_campaign.id)) then
          perform private.refuse('not_found', jsonb_build_object('field', 'sessions.shifts.team_id', 'index', v_row.index, 'shift', v_shift.n));
        end if;
      end loop;
      if exists (select 1 from jsonb_array_elements(p_sessions) with ordinality o(s, n)
                 where n - 1 < v_row.index and o.s -> 'site_id' = v_row.s -> 'site_id' and o.s -> 'date' = v_row.s -> 'date')
         or exists (select 1 from public.planned_sessions p
                    where p.campaign_id = v_campaign.id and p.session_id is not null
                      and p.site_id = (v_row.s ->> 'site_id')::bigint and p.session_date = (v_row.s ->> 'date')::date) then
        perform private.refuse('session_exists', jsonb_build_object('index', v_row.index));
      end if;
    end loop;

    delete from public.planned_sessions where campaign_id = v_campaign.id and session_id is null;
    insert into public.planned_sessions (campaign_id, session_date, site_id, machine_id, locked, shifts)
    select v_campaign.id, (x ->> 'date')::date, (x ->> 'site_id')::bigint, (x ->> 'machine_id')::bigint, (x ->> 'locked')::boolean,
           (select jsonb_agg(jsonb_build_object('shift', (sh ->> 'shift')::integer, 'team_id', (sh ->> 'team_id')::bigint,
                                                'places', (sh ->> 'places')::integer) order by (sh ->> 'shift')::integer)
            from jsonb_array_elements(x -> 'shifts') sh)
    from jsonb_array_elements(p_sessions) x;
    get diagnostics v_saved = row_count;
    return jsonb_build_object('ok', true, 'saved', v_saved);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_save_plan');
  end;
end;
$$;
comment on function public.staff_save_plan(integer, jsonb) is
  'Replaces the saved draft of an administrator''s campaign (its planned sessions not yet published); answers how many were saved.';

-- =====================================================================
-- Publishing
-- =====================================================================

-- Publishes the saved draft: each planned session becomes a session with its shifts (the planner
-- shift's hours, private.plan_shift_start) through the console's own staff_create_session and
-- staff_set_session_published, so the same checks, scope and audit apply, and is linked to it. All
-- or nothing: a session dated before today + 15 (the notice, NOTICE_DAYS in
-- src/domain/planner/rules.ts) refuses the whole publish plan_within_notice with the first such
-- date; any refusal of the console's functions (a site with a session that day: session_exists)
-- undoes every session made so far and is answered with the session's date and site. One row in
-- plan_publications (and so in the audit log) records the publish.
create function public.staff_publish_plan(p_campaign_id integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_notice_end date := private.today() + 15;
  v_first_early date;
  v_planned public.planned_sessions;
  v_answer jsonb;
  v_session_ids bigint[] := '{}';
  v_first date;
  v_last date;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.lock_admin_campaign(p_campaign_id);
    select min(session_date) into v_first_early
    from public.planned_sessions where campaign_id = v_campaign.id and session_id is null and session_date < v_notice_end;
    if v_first_early is not null then
      perform private.refuse('plan_within_notice', jsonb_build_object('date', v_first_early));
    end if;
    for v_planned in
      select * from public.planned_sessions where campaign_id = v_campaign.id and session_id is null
      order by session_date, site_id
      for update
    loop
      v_answer := public.staff_create_session(
        v_campaign.id, v_planned.session_date,
        (select jsonb_agg(jsonb_build_object(
                  'start', to_char(private.plan_shift_start((x ->> 'shift')::integer), 'HH24:MI'),
                  'end', to_char(private.plan_shift_start((x ->> 'shift')::integer) + interval '5 hours', 'HH24:MI'),
                  'capacity', (x ->> 'places')::integer) order by (x ->> 'shift')::integer)
         from jsonb_array_elements(v_planned.shifts) x),
        v_planned.site_id);
      if v_answer ? 'ok' then
        v_answer := public.staff_set_session_published((v_answer ->> 'session_id')::bigint, true);
      end if;
      if not v_answer ? 'ok' then
        perform private.refuse(v_answer ->> 'code', coalesce((v_answer ->> 'details')::jsonb, '{}')
                                                     || jsonb_build_object('date', v_planned.session_date, 'site_id', v_planned.site_id));
      end if;
      update public.planned_sessions set session_id = (v_answer ->> 'session_id')::bigint where id = v_planned.id;
      v_session_ids := v_session_ids || (v_answer ->> 'session_id')::bigint;
      v_first := least(v_first, v_planned.session_date);
      v_last := greatest(v_last, v_planned.session_date);
    end loop;
    if cardinality(v_session_ids) > 0 then
      insert into public.plan_publications (campaign_id, province_id, sessions, first_date, last_date)
      values (v_campaign.id, v_campaign.province_id, v_session_ids, v_first, v_last);
    end if;
    return jsonb_build_object('ok', true, 'published', cardinality(v_session_ids), 'sessions', to_jsonb(v_session_ids),
                              'first_date', v_first, 'last_date', v_last);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_publish_plan');
  end;
end;
$$;
comment on function public.staff_publish_plan(integer) is
  'Publishes the saved draft of an administrator''s campaign through the console''s session functions, all or nothing, from today + 15 on.';

revoke execute on function public.staff_planner(integer), public.staff_save_plan_setup(integer, jsonb),
  public.staff_save_plan(integer, jsonb), public.staff_publish_plan(integer) from public;
grant execute on function public.staff_planner(integer), public.staff_save_plan_setup(integer, jsonb),
  public.staff_save_plan(integer, jsonb), public.staff_publish_plan(integer) to authenticated;
