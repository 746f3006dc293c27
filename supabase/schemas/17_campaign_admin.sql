-- Setting up a campaign from the staff console: a province administrator creates and edits the
-- campaigns of their province and unit set (staff_save_campaign), with the default shift plan the
-- console gives new sessions, and shares the quota out between the units directly under the
-- province, typed or imported from a CSV file (staff_save_unit_quotas, which answers each row it
-- refuses with the reason). The youngest age is not typed: it follows the law in force.

-- =====================================================================
-- The youngest age, from the law's dated data
-- =====================================================================

-- The age from which a card is mandatory under each law, the rows of src/content/law/card-rules.json
-- (id, valid_from, valid_to, mandatory_from_age) that the site's guide and eligibility checker read:
-- tests/db/campaign-admin.test.ts checks the two agree row for row, as consent.test.ts does for the
-- consent texts.
create table private.card_rules (
  id text primary key,
  valid_from date not null,
  valid_to date,
  mandatory_from_age smallint not null check (mandatory_from_age between 0 and 18),
  check (valid_to is null or valid_to >= valid_from)
);
comment on table private.card_rules is
  'The law''s card rules as the database needs them (the age from which a card is mandatory), mirrored from src/content/law/card-rules.json.';

insert into private.card_rules (id, valid_from, valid_to, mandatory_from_age) values
  ('law-2014', '2016-01-01', '2024-06-30', 14),
  ('law-2023', '2024-07-01', null, 14);

-- The age from which the law in force on a day makes the card mandatory; null before any law of
-- the data.
create function private.min_age_on(p_day date)
returns smallint
language sql
stable
set search_path = ''
as $$
  select r.mandatory_from_age from private.card_rules r
  where r.valid_from <= p_day and (r.valid_to is null or p_day <= r.valid_to)
$$;
comment on function private.min_age_on(date) is
  'The age from which the card is mandatory under the law in force on the day (private.card_rules), or null.';

-- A campaign's youngest age is the law's on its first day, whoever writes the row: nobody types it.
create function private.campaign_min_age()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.min_age := private.min_age_on(new.starts_on);
  return new;
end;
$$;
comment on function private.campaign_min_age() is
  'Trigger: sets a campaign''s min_age from the law in force on its first day (private.card_rules).';

create trigger campaigns_min_age
  before insert or update on public.campaigns
  for each row execute function private.campaign_min_age();

-- =====================================================================
-- The default shift plan
-- =====================================================================

-- The seeds' three shifts of the Huế directive (src/domain/staff-sessions.ts defaultShifts, which
-- tests/db/campaign-admin.test.ts compares with this default).
alter table public.campaigns add column shift_plan jsonb not null
  default '[{"start": "07:00", "end": "12:00", "capacity": 60}, {"start": "12:00", "end": "17:00", "capacity": 60}, {"start": "17:00", "end": "22:00", "capacity": 60}]'
  constraint campaigns_shift_plan_check check (private.shift_plan_problem(shift_plan) is null);
comment on column public.campaigns.shift_plan is
  'The shifts the console proposes for a new session of the campaign: times of day in Viet Nam and places.';

-- Administrators' changes to campaigns are audited under the campaign's province.
create trigger campaigns_audit after insert or update or delete on public.campaigns
  for each row execute function private.audit_staff_change();

-- =====================================================================
-- Who may set a campaign up
-- =====================================================================

-- The province a signed-in province administrator covers, as a unit row; refuses not_allowed for
-- anyone else (an officer of a district or commune, a volunteer, a citizen).
create function private.admin_province()
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
comment on function private.admin_province() is
  'The province (unit row) of the signed-in province administrator; refuses not_allowed for anyone else.';

-- A campaign of the administrator's province and set, locked for the change; not_found otherwise,
-- so another province's campaigns are not told apart from campaigns that do not exist.
create function private.lock_admin_campaign(p_campaign_id integer)
returns public.campaigns
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_province public.admin_units := private.admin_province();
  v_campaign public.campaigns;
begin
  select * into v_campaign from public.campaigns
  where id = p_campaign_id and province_id = v_province.id and unit_set = v_province.unit_set
  for update;
  if not found then
    perform private.refuse('not_found', '{"field": "campaign"}');
  end if;
  return v_campaign;
end;
$$;
comment on function private.lock_admin_campaign(integer) is
  'Locks a campaign of the signed-in administrator''s province and set; refuses not_allowed (not an administrator) or not_found.';

insert into private.refusal_statuses (code, status) values
  ('campaign_slug_taken', 409);

insert into private.constraint_refusals (constraint_name, code) values
  ('campaigns_slug_key', 'campaign_slug_taken');

-- =====================================================================
-- Creating and editing a campaign
-- =====================================================================

-- p_campaign: {id (absent to create), slug, unit_set, name_vi, name_en, quota, daily_target (or
-- null), starts_on, deadline, source, shift_plan}. The province is the administrator's own and the
-- set must be theirs; the slug, in every link citizens were given, is kept once made. Each field
-- is checked with a refusal naming it, as the form checks it.
create function public.staff_save_campaign(p_campaign jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_province public.admin_units;
  v_old public.campaigns;
  v_new public.campaigns;
  v_field text;
  v_problem integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_province := private.admin_province();
    if jsonb_typeof(p_campaign) is distinct from 'object' then
      perform private.refuse('invalid_argument', '{"field": "campaign"}');
    end if;
    if p_campaign ->> 'unit_set' is distinct from v_province.unit_set then
      perform private.refuse('not_allowed', '{"field": "unit_set"}');
    end if;
    if p_campaign ? 'id' then
      if jsonb_typeof(p_campaign -> 'id') is distinct from 'number' or p_campaign ->> 'id' !~ '^[0-9]{1,9}$' then
        perform private.refuse('invalid_argument', '{"field": "id"}');
      end if;
      v_old := private.lock_admin_campaign((p_campaign ->> 'id')::integer);
      if p_campaign ->> 'slug' is distinct from v_old.slug then
        perform private.refuse('invalid_argument', '{"field": "slug"}');
      end if;
    end if;
    foreach v_field in array array['slug', 'name_vi', 'name_en', 'source', 'starts_on', 'deadline'] loop
      if jsonb_typeof(p_campaign -> v_field) is distinct from 'string' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', v_field));
      end if;
    end loop;
    v_new.slug := p_campaign ->> 'slug';
    if v_new.slug !~ '^[a-z0-9-]{3,60}$' then
      perform private.refuse('invalid_argument', '{"field": "slug"}');
    end if;
    v_new.name_vi := btrim(p_campaign ->> 'name_vi');
    if length(v_new.name_vi) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "name_vi"}');
    end if;
    v_new.name_en := btrim(p_campaign ->> 'name_en');
    if length(v_new.name_en) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "name_en"}');
    end if;
    v_new.source := btrim(p_campaign ->> 'source');
    if length(v_new.source) not between 3 and 300 then
      perform private.refuse('invalid_argument', '{"field": "source"}');
    end if;
    if jsonb_typeof(p_campaign -> 'quota') is distinct from 'number' or p_campaign ->> 'quota' !~ '^[0-9]{1,9}$' then
      perform private.refuse('invalid_argument', '{"field": "quota"}');
    end if;
    v_new.quota := (p_campaign ->> 'quota')::integer;
    if v_new.quota < 1 then
      perform private.refuse('invalid_argument', '{"field": "quota"}');
    end if;
    if jsonb_typeof(p_campaign -> 'daily_target') = 'number' and p_campaign ->> 'daily_target' ~ '^[0-9]{1,9}$' then
      v_new.daily_target := (p_campaign ->> 'daily_target')::integer;
    elsif jsonb_typeof(p_campaign -> 'daily_target') is distinct from 'null' then
      perform private.refuse('invalid_argument', '{"field": "daily_target"}');
    end if;
    if v_new.daily_target < 1 or v_new.daily_target > v_new.quota then
      perform private.refuse('invalid_argument', '{"field": "daily_target"}');
    end if;
    if p_campaign ->> 'starts_on' !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' or not pg_catalog.pg_input_is_valid(p_campaign ->> 'starts_on', 'date') then
      perform private.refuse('invalid_argument', '{"field": "starts_on"}');
    end if;
    v_new.starts_on := (p_campaign ->> 'starts_on')::date;
    if private.min_age_on(v_new.starts_on) is null then
      perform private.refuse('invalid_argument', '{"field": "starts_on"}');
    end if;
    if p_campaign ->> 'deadline' !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' or not pg_catalog.pg_input_is_valid(p_campaign ->> 'deadline', 'date') then
      perform private.refuse('invalid_argument', '{"field": "deadline"}');
    end if;
    v_new.deadline := (p_campaign ->> 'deadline')::date;
    if v_new.deadline < v_new.starts_on then
      perform private.refuse('invalid_argument', '{"field": "deadline"}');
    end if;
    v_problem := private.shift_plan_problem(p_campaign -> 'shift_plan');
    if v_problem = -1 then
      perform private.refuse('invalid_argument', '{"field": "shift_plan"}');
    elsif v_problem is not null then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'shift_plan', 'shift', v_problem));
    end if;
    v_new.shift_plan := p_campaign -> 'shift_plan';

    if v_old.id is null then
      insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, daily_target, starts_on, deadline, source, shift_plan)
      values (v_new.slug, v_province.id, v_province.unit_set, v_new.name_vi, v_new.name_en, v_new.quota, v_new.daily_target,
              v_new.starts_on, v_new.deadline, v_new.source, v_new.shift_plan)
      returning * into v_new;
    else
      update public.campaigns
      set name_vi = v_new.name_vi, name_en = v_new.name_en, quota = v_new.quota, daily_target = v_new.daily_target,
          starts_on = v_new.starts_on, deadline = v_new.deadline, source = v_new.source, shift_plan = v_new.shift_plan
      where id = v_old.id
      returning * into v_new;
    end if;
    return jsonb_build_object('ok', true, 'campaign_id', v_new.id, 'slug', v_new.slug, 'min_age', v_new.min_age);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_save_campaign');
  end;
end;
$$;
comment on function public.staff_save_campaign(jsonb) is
  'Creates (no id) or edits a campaign of the signed-in province administrator''s province and set; the youngest age follows the law.';

revoke execute on function public.staff_save_campaign(jsonb) from public;
grant execute on function public.staff_save_campaign(jsonb) to authenticated;

-- =====================================================================
-- Unit quotas, typed or imported
-- =====================================================================

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
create function public.staff_save_unit_quotas(p_campaign_id integer, p_rows jsonb)
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

revoke execute on function public.staff_save_unit_quotas(integer, jsonb) from public;
grant execute on function public.staff_save_unit_quotas(integer, jsonb) to authenticated;
