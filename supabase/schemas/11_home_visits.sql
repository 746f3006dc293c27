-- Home visits: a family member asks officers to come to a person who cannot travel (elderly, ill,
-- disabled, pregnant…); officers of the ward's scope schedule the visit and record how it went.
--
-- Status, and who moves it (the trigger home_visit_requests_transition holds it for every path,
-- a direct UPDATE included):
--   received  → scheduled (staff), could_not (staff), cancelled (the requester, code + token)
--   scheduled → scheduled (staff: another date, window or team), done (staff, from the visit's
--               date on), could_not (staff)
--   done, could_not, cancelled: final; nothing changes on them but the purge.
-- A scheduled visit whose date passed more than 7 days ago without an outcome has lapsed: a new
-- request for the same person closes it (could_not, with a note) instead of being refused, and the
-- purge closes and clears any request still open a year after it was sent or its visit day.
-- A scheduled visit is not cancelled by the requester online: the team has planned its route, so
-- the family calls the team contact, and the officer records could_not with the reason.

-- =====================================================================
-- Requests and their history
-- =====================================================================

-- Families type a name with old- or new-style accents (Hoà/Hòa, Thuỷ/Thủy), or none at all.
create function private.name_key(p_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select translate(lower(regexp_replace(btrim(regexp_replace(normalize(p_name, nfd), '[\u0300-\u036f]', '', 'g')), '\s+', ' ', 'g')), 'đ', 'd')
$$;
comment on function private.name_key(text) is
  'A name folded for comparing people: without diacritics (đ as d), lower case, single spaces.';

create table public.home_visit_requests (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{9}$'),
  token_hash bytea not null constraint home_visit_requests_token_hash_key unique,
  idempotency_hash bytea not null constraint home_visit_requests_idempotency_hash_key unique,
  -- A hash of what was asked for, so a key replayed with a different request is refused.
  request_hash bytea not null,
  -- The person to visit. Personal fields are null only once the purge has cleared them
  -- (private.purge_home_visits, 12_retention.sql).
  full_name text check (length(full_name) between 2 and 100),
  birth_date date,
  old_id_number text check (old_id_number ~ '^([0-9]{9}|[0-9]{12})$'),
  -- "The same person" whatever the spelling: case, spacing and diacritics ignored (Hoà = Hòa = Hoa).
  name_key text generated always as (private.name_key(full_name)) stored,
  reason text not null check (reason in ('elderly', 'illness', 'disability', 'pregnancy', 'other')),
  reason_other text check (length(reason_other) between 2 and 200),
  -- Where: a ward (level 3) and the way to the house.
  ward_id integer not null references public.admin_units (id),
  street_address text check (length(street_address) between 3 and 200),
  landmark text check (length(landmark) between 2 and 200),
  -- Taken at the house by the requester's phone when they chose to; otherwise the staff map
  -- places the visit at the district's centroid and says so.
  lat double precision check (private.in_viet_nam(lat, null)),
  lng double precision check (private.in_viet_nam(null, lng)),
  needs text[] not null default '{}'
    check (needs <@ array['bedridden', 'wheelchair', 'hearing', 'sight', 'ethnic_language']::text[]),
  ethnic_language text check (length(ethnic_language) between 2 and 60),
  -- When suits the family: ISO weekdays (1 = Monday) and parts of the day.
  preferred_days smallint[] not null
    check (cardinality(preferred_days) between 1 and 7 and preferred_days <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  preferred_periods text[] not null
    check (cardinality(preferred_periods) between 1 and 2 and preferred_periods <@ array['morning', 'afternoon']::text[]),
  -- Who asked, and how to reach them.
  requester_name text check (length(requester_name) between 2 and 100),
  requester_phone text check (requester_phone ~ '^0[35789][0-9]{8}$'),
  relationship text not null
    check (relationship in ('self', 'spouse', 'child', 'grandchild', 'sibling', 'relative', 'carer')),
  consent_at timestamptz not null,
  status text not null default 'received'
    check (status in ('received', 'scheduled', 'done', 'could_not', 'cancelled')),
  scheduled_on date,
  scheduled_from time,
  scheduled_to time,
  team_contact text check (length(team_contact) between 3 and 200),
  outcome_note text check (length(outcome_note) between 2 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  purged_at timestamptz,
  campaign_id integer not null references public.campaigns (id),
  consent_text_id text not null references private.consent_texts (id),
  check (purged_at is null or status in ('done', 'could_not', 'cancelled')),
  check ((purged_at is null) = (full_name is not null and birth_date is not null and street_address is not null
                                and requester_name is not null and requester_phone is not null)),
  check ((reason = 'other') = (reason_other is not null) or purged_at is not null),
  check (('ethnic_language' = any (needs)) = (ethnic_language is not null) or purged_at is not null),
  check ((lat is null) = (lng is null)),
  check (scheduled_to > scheduled_from),
  -- A scheduled or done visit has its date, window and team; could-not always says why.
  check (status not in ('scheduled', 'done')
    or (scheduled_on is not null and scheduled_from is not null and scheduled_to is not null and team_contact is not null)),
  check (status <> 'could_not' or outcome_note is not null or purged_at is not null),
  -- The requester's agreement to messages about the visit (private.checked_messages), given with
  -- the request at consent_at: the language to write in; null when they did not agree.
  messages_lang text check (messages_lang in ('vi', 'en')),
  messages_email private.email_address,
  constraint home_visit_requests_messages_email_agreed check (messages_email is null or messages_lang is not null)
);
comment on table public.home_visit_requests is
  'A request for officers to take a CCCD application at the home of a person who cannot travel: the person, where, needs, preferred times, the requester, and the visit''s status and schedule.';
comment on column public.home_visit_requests.token_hash is
  'sha256 of the status token carried by the private status link; the token itself is never stored.';
comment on column public.home_visit_requests.purged_at is
  'When the purge cleared the personal fields of this closed request.';
comment on column public.home_visit_requests.preferred_days is 'ISO weekdays that suit the family (1 = Monday … 7 = Sunday).';
comment on column public.home_visit_requests.campaign_id is 'The campaign the request was sent for; its ward is of the campaign''s set and province.';
comment on column public.home_visit_requests.consent_text_id is
  'The consent text the requester agreed to at consent_at (the one in force that day).';

create index home_visit_requests_ward_status_idx on public.home_visit_requests (ward_id, status, created_at);
create index home_visit_requests_scheduled_on_idx on public.home_visit_requests (scheduled_on) where status = 'scheduled';
create index home_visit_requests_phone_idx on public.home_visit_requests (requester_phone, created_at);
create index home_visit_requests_campaign_id_idx on public.home_visit_requests (campaign_id);
create index home_visit_requests_consent_text_id_idx on public.home_visit_requests (consent_text_id);

-- One active request per person and ward, under concurrency too; request_home_visit checks
-- first to point the requester to the existing request.
create unique index home_visit_requests_one_active_per_person
  on public.home_visit_requests (ward_id, name_key, birth_date)
  where status in ('received', 'scheduled');

create table public.home_visit_events (
  id bigint generated always as identity primary key,
  request_id bigint not null references public.home_visit_requests (id),
  at timestamptz not null default now(),
  status text not null check (status in ('received', 'scheduled', 'done', 'could_not', 'cancelled')),
  scheduled_on date,
  scheduled_from time,
  scheduled_to time,
  -- Set on the entry that records a change of the preferred times.
  preferred_days smallint[],
  preferred_periods text[],
  note text
);
comment on table public.home_visit_events is
  'The history of a home-visit request: each change of status or schedule, with its time, as the status page lists it.';

create index home_visit_events_request_id_idx on public.home_visit_events (request_id, at);

alter table public.home_visit_requests enable row level security;
alter table public.home_visit_events enable row level security;
revoke all on public.home_visit_requests, public.home_visit_events from anon, authenticated;

-- Officers read the requests of their scope; they change them only through the staff functions
-- below. Citizens reach a request only through the functions that check its code and token.
create policy "Staff read the home-visit requests of their scope"
  on public.home_visit_requests for select to authenticated
  using (ward_id in (select private.staff_scope()));
create policy "Staff read the history of home-visit requests of their scope"
  on public.home_visit_events for select to authenticated
  using (exists (select 1 from public.home_visit_requests r where r.id = home_visit_events.request_id));

grant select (id, code, full_name, birth_date, old_id_number, reason, reason_other, ward_id, street_address, landmark,
              lat, lng, needs, ethnic_language, preferred_days, preferred_periods, requester_name, requester_phone,
              relationship, consent_at, status, scheduled_on, scheduled_from, scheduled_to, team_contact,
              outcome_note, created_at, updated_at, purged_at, campaign_id, consent_text_id)
  on public.home_visit_requests to authenticated;
grant select on public.home_visit_events to authenticated;

-- =====================================================================
-- Transitions and history, whatever the path
-- =====================================================================

create function private.home_visit_transition()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A closed request is a record: only the purge touches it (once). (name_key is computed after
  -- this trigger, so it is null in new.)
  if old.status in ('done', 'could_not', 'cancelled') and not (old.purged_at is null and new.purged_at is not null)
     and to_jsonb(new) - 'name_key' is distinct from to_jsonb(old) - 'name_key' then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  if new.status is distinct from old.status
     and not (old.status, new.status) in (
       ('received', 'scheduled'), ('received', 'could_not'), ('received', 'cancelled'),
       ('scheduled', 'done'), ('scheduled', 'could_not')) then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  -- A new date, window or team for a visit not yet scheduled or already over is no reschedule.
  if (new.scheduled_on, new.scheduled_from, new.scheduled_to, new.team_contact)
       is distinct from (old.scheduled_on, old.scheduled_from, old.scheduled_to, old.team_contact)
     and new.status <> 'scheduled' then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  if new.status = 'done' and old.status <> 'done' and new.scheduled_on > private.today() then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  -- The family's preferred times matter until the visit is scheduled.
  if (new.preferred_days, new.preferred_periods) is distinct from (old.preferred_days, old.preferred_periods)
     and old.status <> 'received' then
    perform private.refuse('home_visit_not_open', jsonb_build_object('status', old.status));
  end if;
  -- Who the person is, where they live and who asked do not change after the request, except
  -- when the purge clears them.
  if (new.code, new.full_name, new.birth_date, new.ward_id, new.requester_phone, new.token_hash)
       is distinct from (old.code, old.full_name, old.birth_date, old.ward_id, old.requester_phone, old.token_hash)
     and not (old.purged_at is null and new.purged_at is not null) then
    perform private.refuse('invalid_argument', jsonb_build_object('field', 'request'));
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.home_visit_transition() is
  'Trigger: allows only the listed status changes of a home visit (see the header of supabase/schemas/11_home_visits.sql), no change of a closed one but the purge, reschedules only of scheduled visits, done only from the visit''s date, preferred times only while received.';

create trigger home_visit_requests_transition before update on public.home_visit_requests
  for each row execute function private.home_visit_transition();

-- Security definer: the history is written for citizens' and officers' changes alike, and
-- neither may write it directly.
create function private.home_visit_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT'
     or new.status is distinct from old.status
     or (new.scheduled_on, new.scheduled_from, new.scheduled_to) is distinct from (old.scheduled_on, old.scheduled_from, old.scheduled_to) then
    insert into public.home_visit_events (request_id, status, scheduled_on, scheduled_from, scheduled_to, note)
    values (new.id, new.status, new.scheduled_on, new.scheduled_from, new.scheduled_to,
            case when new.status in ('done', 'could_not') then new.outcome_note end);
  elsif (new.preferred_days, new.preferred_periods) is distinct from (old.preferred_days, old.preferred_periods) then
    insert into public.home_visit_events (request_id, status, preferred_days, preferred_periods)
    values (new.id, new.status, new.preferred_days, new.preferred_periods);
  end if;
  return new;
end;
$$;
comment on function private.home_visit_history() is
  'Trigger: adds a history row when a home visit is requested, changes status, is rescheduled or gets other preferred times.';

create trigger home_visit_requests_history after insert or update on public.home_visit_requests
  for each row execute function private.home_visit_history();

create trigger home_visit_requests_audit after insert or update or delete on public.home_visit_requests
  for each row execute function private.audit_staff_change();

-- =====================================================================
-- Refusals and rate limits
-- =====================================================================

insert into private.refusal_statuses (code, status) values
  ('home_visit_exists', 409),
  ('home_visit_not_open', 409),
  ('invalid_transition', 409);

-- Races: request_home_visit answers the one-active index itself, with the existing request's
-- details, and falls back to this code; the same key sent with two phones at once is a conflict.
insert into private.constraint_refusals (constraint_name, code) values
  ('home_visit_requests_one_active_per_person', 'home_visit_exists'),
  ('home_visit_requests_token_hash_key', 'idempotency_conflict'),
  ('home_visit_requests_idempotency_hash_key', 'idempotency_conflict');

-- The ward lies in the campaign's set and province (private.check_unit_in_campaign,
-- 04_sites_sessions_shifts.sql): request_home_visit checks it first through private.campaign_ward.
create constraint trigger home_visit_requests_unit_in_campaign
  after insert or update of campaign_id, ward_id on public.home_visit_requests
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('home_visit_requests_unit_in_campaign', 'unit_not_in_campaign');

-- A family asks once, maybe again for a second relative: a few requests a day per phone. Per IP
-- generous, as for bookings (carrier-grade NAT). Status look-ups and changes use the booking
-- functions' 'lookup' and 'change' rules.
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('home_visit', 'ip', 60, interval '10 minutes'),
  ('home_visit', 'phone', 5, interval '1 day');

-- =====================================================================
-- What the requester sees
-- =====================================================================

create function private.home_visit_view(p_id bigint, p_token text default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'ok', true,
    'token', p_token,
    'code', r.code,
    'status', r.status,
    'created_at', r.created_at,
    'purged', r.purged_at is not null,
    'full_name', r.full_name,
    'reason', r.reason,
    'reason_other', r.reason_other,
    'ward', w.name,
    'district', d.name,
    'province', p.name,
    'street_address', r.street_address,
    'landmark', r.landmark,
    'needs', to_jsonb(r.needs),
    'ethnic_language', r.ethnic_language,
    'preferred_days', to_jsonb(r.preferred_days),
    'preferred_periods', to_jsonb(r.preferred_periods),
    'requester_name', r.requester_name,
    'phone_masked', private.mask_phone(r.requester_phone),
    'scheduled_on', r.scheduled_on,
    'scheduled_from', to_char(r.scheduled_from, 'HH24:MI'),
    'scheduled_to', to_char(r.scheduled_to, 'HH24:MI'),
    'team_contact', r.team_contact,
    'outcome_note', r.outcome_note,
    'history', (
      select jsonb_agg(jsonb_build_object(
          'status', e.status, 'at', e.at, 'scheduled_on', e.scheduled_on,
          'scheduled_from', to_char(e.scheduled_from, 'HH24:MI'), 'scheduled_to', to_char(e.scheduled_to, 'HH24:MI'),
          'preferred_days', to_jsonb(e.preferred_days), 'preferred_periods', to_jsonb(e.preferred_periods),
          'note', e.note)
        order by e.at, e.id)
      from public.home_visit_events e where e.request_id = r.id))
  from public.home_visit_requests r
  join public.admin_units w on w.id = r.ward_id
  left join public.admin_units d on d.id = w.parent_id
  left join public.admin_units p on p.id = d.parent_id
  where r.id = p_id
$$;
comment on function private.home_visit_view(bigint, text) is
  'The JSON the requester gets back for a home visit: the request, its schedule and its history; the phone only masked.';

-- The request a code opens with its status token; a wrong code and a wrong token answer alike.
create function private.authorized_home_visit(p_code text, p_token text)
returns public.home_visit_requests
language plpgsql
set search_path = ''
as $$
declare
  v_code text := private.normalize_code(p_code);
  v_request public.home_visit_requests;
begin
  if not private.is_valid_code(v_code) then
    perform private.refuse('invalid_code');
  end if;
  select * into v_request from public.home_visit_requests
  where code = v_code and p_token is not null and token_hash = private.sha256(p_token)
  for update;
  if not found then
    perform private.refuse('not_found');
  end if;
  return v_request;
end;
$$;
comment on function private.authorized_home_visit(text, text) is
  'Locks the home visit of a code when the status token matches; refuses not_found otherwise.';

-- Checked, normalised preferred days (ISO weekdays) and periods; refuses invalid_argument.
create function private.checked_preferences(p_days jsonb, p_periods jsonb)
returns table (days smallint[], periods text[])
language plpgsql
immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(p_days) is distinct from 'array' or jsonb_array_length(p_days) not between 1 and 7
     or exists (select 1 from jsonb_array_elements(p_days) d where d.value::text !~ '^[1-7]$') then
    perform private.refuse('invalid_argument', jsonb_build_object('field', 'preferred_days'));
  end if;
  if jsonb_typeof(p_periods) is distinct from 'array' or jsonb_array_length(p_periods) not between 1 and 2
     or exists (select 1 from jsonb_array_elements_text(p_periods) x where x.value not in ('morning', 'afternoon')) then
    perform private.refuse('invalid_argument', jsonb_build_object('field', 'preferred_periods'));
  end if;
  return query select
    (select array_agg(distinct d.value::text::smallint order by d.value::text::smallint) from jsonb_array_elements(p_days) d),
    (select array_agg(distinct x.value order by x.value desc) from jsonb_array_elements_text(p_periods) x);
end;
$$;
comment on function private.checked_preferences(jsonb, jsonb) is
  'Preferred ISO weekdays and parts of the day (morning, afternoon), checked, without repeats and in order.';

-- The open request (received or scheduled) for a person in a ward, locked, or a row of nulls: at
-- most one, by home_visit_requests_one_active_per_person.
create function private.lock_open_home_visit(p_ward_id integer, p_name text, p_birth date)
returns public.home_visit_requests
language sql
set search_path = ''
as $$
  select * from public.home_visit_requests r
  where r.ward_id = p_ward_id and r.name_key = private.name_key(p_name) and r.birth_date = p_birth
    and r.status in ('received', 'scheduled')
  for update
$$;
comment on function private.lock_open_home_visit(integer, text, date) is
  'Locks the received or scheduled home visit of a person (name folded by private.name_key, date of birth) in a ward; nulls when none.';

-- Whether a person has a request open says something about their health: only the phone that sent
-- it learns its code; anyone else hears that the ward police will call the family.
create function private.home_visit_exists_details(p_existing public.home_visit_requests, p_phone text)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case when p_existing.requester_phone = p_phone then jsonb_build_object('code', p_existing.code) else '{}'::jsonb end
$$;
comment on function private.home_visit_exists_details(public.home_visit_requests, text) is
  'The details of a home_visit_exists refusal: the open request''s code for the phone that sent it, nothing for others.';

-- =====================================================================
-- Citizen functions
-- =====================================================================

-- Security definer: anon writes a table it cannot read. p_request is the form as
-- src/domain/home-visit.ts describes it, with the campaign's slug (`campaign`) and the id of the
-- consent text agreed to (`consent`).
create function public.request_home_visit(p_request jsonb, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_request ->> 'requester_phone');
  v_name text := private.clean_name(p_request ->> 'full_name');
  v_requester text := private.clean_name(p_request ->> 'requester_name');
  v_birth date;
  v_old_id text := nullif(regexp_replace(coalesce(p_request ->> 'old_id_number', ''), '\s', '', 'g'), '');
  v_reason text := p_request ->> 'reason';
  v_reason_other text := private.clean_text(p_request ->> 'reason_other');
  v_ward_id integer;
  v_campaign_id integer;
  v_consent text;
  v_messages jsonb;
  v_address text := private.clean_text(p_request ->> 'street_address');
  v_landmark text := private.clean_text(p_request ->> 'landmark');
  v_needs text[];
  v_language text := private.clean_text(p_request ->> 'ethnic_language');
  v_days smallint[];
  v_periods text[];
  v_lat double precision;
  v_lng double precision;
  v_request_hash bytea;
  v_existing public.home_visit_requests;
  v_code text;
  v_id bigint;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('home_visit', p_request ->> 'requester_phone') then
    return private.refusal('rate_limited');
  end if;

  begin
    if p_idempotency_key is null or p_idempotency_key !~ '^[A-Za-z0-9_-]{22,64}$' then
      perform private.refuse('invalid_idempotency_key');
    end if;
    if jsonb_typeof(p_request) is distinct from 'object' then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'request'));
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;

    -- One request at a time per phone: a replay is then decided on what the first call committed.
    perform pg_advisory_xact_lock(hashtextextended('request_home_visit:' || v_phone, 0));
    v_request_hash := private.sha256(p_request::text);
    select * into v_existing from public.home_visit_requests where idempotency_hash = private.sha256(p_idempotency_key);
    if found then
      if v_existing.request_hash <> v_request_hash then
        perform private.refuse('idempotency_conflict');
      end if;
      return private.home_visit_view(v_existing.id, private.manage_token(p_idempotency_key));
    end if;
    v_consent := private.checked_consent(p_request ->> 'consent');
    v_messages := private.checked_messages(p_request -> 'messages');

    if length(v_name) not between 2 and 100 or v_name !~ '^[[:alpha:]][[:alpha:] .''-]*$' then
      perform private.refuse('invalid_name', jsonb_build_object('field', 'full_name'));
    end if;
    begin
      v_birth := (p_request ->> 'birth_date')::date;
    exception when others then
      v_birth := null;
    end;
    if v_birth is null or v_birth < date '1900-01-01' or v_birth > private.today() then
      perform private.refuse('invalid_birth_date');
    end if;
    if v_old_id is not null and not private.is_valid_id_number(v_old_id, v_birth) then
      perform private.refuse('invalid_id_number');
    end if;
    if v_reason is null or v_reason not in ('elderly', 'illness', 'disability', 'pregnancy', 'other') then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'reason'));
    end if;
    if v_reason = 'other' and length(coalesce(v_reason_other, '')) not between 2 and 200 then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'reason_other'));
    end if;
    select w.campaign_id, w.ward_id into v_campaign_id, v_ward_id from private.campaign_ward(p_request ->> 'campaign', p_request ->> 'ward') w;
    if length(coalesce(v_address, '')) not between 3 and 200 then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'street_address'));
    end if;
    if v_landmark is not null and length(v_landmark) not between 2 and 200 then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'landmark'));
    end if;
    if jsonb_typeof(coalesce(p_request -> 'needs', '[]')) <> 'array'
       or exists (select 1 from jsonb_array_elements(coalesce(p_request -> 'needs', '[]')) n
                  where n.value #>> '{}' is null
                     or n.value #>> '{}' not in ('bedridden', 'wheelchair', 'hearing', 'sight', 'ethnic_language')) then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'needs'));
    end if;
    select coalesce(array_agg(distinct n order by n), '{}') into v_needs
    from jsonb_array_elements_text(coalesce(p_request -> 'needs', '[]')) n;
    if 'ethnic_language' = any (v_needs) then
      if length(coalesce(v_language, '')) not between 2 and 60 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'ethnic_language'));
      end if;
    else
      v_language := null;
    end if;
    select c.days, c.periods into v_days, v_periods from private.checked_preferences(p_request -> 'preferred_days', p_request -> 'preferred_periods') c;
    if length(v_requester) not between 2 and 100 or v_requester !~ '^[[:alpha:]][[:alpha:] .''-]*$' then
      perform private.refuse('invalid_name', jsonb_build_object('field', 'requester_name'));
    end if;
    if (p_request ->> 'relationship') is null
       or (p_request ->> 'relationship') not in ('self', 'spouse', 'child', 'grandchild', 'sibling', 'relative', 'carer') then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'relationship'));
    end if;
    if jsonb_typeof(p_request -> 'lat') = 'number' and jsonb_typeof(p_request -> 'lng') = 'number' then
      v_lat := (p_request ->> 'lat')::double precision;
      v_lng := (p_request ->> 'lng')::double precision;
      if not private.in_viet_nam(v_lat, v_lng) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'location'));
      end if;
    elsif coalesce(jsonb_typeof(p_request -> 'lat'), 'null') <> 'null' or coalesce(jsonb_typeof(p_request -> 'lng'), 'null') <> 'null' then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'location'));
    end if;

    v_existing := private.lock_open_home_visit(v_ward_id, v_name, v_birth);
    if v_existing.status = 'scheduled' and v_existing.scheduled_on < private.today() - 7 then
      -- The visit lapsed without an outcome: it no longer holds the person's place.
      update public.home_visit_requests
      set status = 'could_not',
          outcome_note = 'Lịch hẹn đã qua hơn 7 ngày mà chưa ghi kết quả; gia đình đã gửi đề nghị mới. / The visit date passed over 7 days ago with no outcome recorded; the family sent a new request.'
      where id = v_existing.id;
    elsif v_existing.id is not null then
      perform private.refuse('home_visit_exists', private.home_visit_exists_details(v_existing, v_phone));
    end if;

    -- 40 random bits: a collision is rare, and the unique constraint backs this check.
    loop
      v_code := private.new_booking_code();
      exit when not exists (select 1 from public.home_visit_requests where code = v_code);
    end loop;
    insert into public.home_visit_requests (
      code, token_hash, idempotency_hash, request_hash, full_name, birth_date, old_id_number, reason, reason_other,
      ward_id, street_address, landmark, lat, lng, needs, ethnic_language, preferred_days, preferred_periods,
      requester_name, requester_phone, relationship, consent_at, campaign_id, consent_text_id, messages_lang, messages_email)
    values (
      v_code, private.sha256(private.manage_token(p_idempotency_key)), private.sha256(p_idempotency_key), v_request_hash,
      v_name, v_birth, v_old_id, v_reason, case when v_reason = 'other' then v_reason_other end,
      v_ward_id, v_address, v_landmark, v_lat, v_lng, v_needs, v_language, v_days, v_periods,
      v_requester, v_phone, p_request ->> 'relationship', now(), v_campaign_id, v_consent,
      v_messages ->> 'lang', v_messages ->> 'email')
    returning id into v_id;
    return private.home_visit_view(v_id, private.manage_token(p_idempotency_key));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    -- Two requests for the same person at once: the second meets the index; point it to the first.
    if v_constraint = 'home_visit_requests_one_active_per_person' then
      v_existing := private.lock_open_home_visit(v_ward_id, v_name, v_birth);
      if v_existing.id is not null then
        return private.refusal('home_visit_exists', private.home_visit_exists_details(v_existing, v_phone));
      end if;
    end if;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'request_home_visit');
  end;
end;
$$;
comment on function public.request_home_visit(jsonb, text) is
  'Records a home-visit request and returns its code, status token and view; refuses home_visit_exists while a request for the same person and ward is open (with its code only for the phone that sent it), and closes a lapsed scheduled one instead. Replays of the same idempotency key return the first result.';

create function public.home_visit_status(p_code text, p_token text)
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
  if not private.within_rate_limits('lookup', null, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    return private.home_visit_view((private.authorized_home_visit(p_code, p_token)).id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'home_visit_status');
  end;
end;
$$;
comment on function public.home_visit_status(text, text) is
  'A home visit with its schedule and history, for the holder of its code and status token.';

create function public.change_home_visit(p_code text, p_token text, p_preferred_days jsonb, p_preferred_periods jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_request public.home_visit_requests;
  v_days smallint[];
  v_periods text[];
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('change', null, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    v_request := private.authorized_home_visit(p_code, p_token);
    select c.days, c.periods into v_days, v_periods from private.checked_preferences(p_preferred_days, p_preferred_periods) c;
    if v_request.status <> 'received' then
      perform private.refuse('home_visit_not_open', jsonb_build_object('status', v_request.status));
    end if;
    update public.home_visit_requests set preferred_days = v_days, preferred_periods = v_periods where id = v_request.id;
    return private.home_visit_view(v_request.id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'change_home_visit');
  end;
end;
$$;
comment on function public.change_home_visit(text, text, jsonb, jsonb) is
  'Changes the preferred days and parts of the day of a home visit not yet scheduled, for the holder of its code and token.';

create function public.cancel_home_visit(p_code text, p_token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_request public.home_visit_requests;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('change', null, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    v_request := private.authorized_home_visit(p_code, p_token);
    -- A replay of a cancel whose answer was lost: already done.
    if v_request.status = 'cancelled' then
      return private.home_visit_view(v_request.id);
    end if;
    if v_request.status <> 'received' then
      perform private.refuse('home_visit_not_open', jsonb_build_object('status', v_request.status));
    end if;
    update public.home_visit_requests set status = 'cancelled' where id = v_request.id;
    return private.home_visit_view(v_request.id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'cancel_home_visit');
  end;
end;
$$;
comment on function public.cancel_home_visit(text, text) is
  'Cancels a home visit not yet scheduled, for the holder of its code and token.';

-- =====================================================================
-- Staff functions
-- =====================================================================

-- The request, locked, if the caller is an officer whose scope covers its ward.
create function private.lock_staff_home_visit(p_id bigint)
returns public.home_visit_requests
language plpgsql
set search_path = ''
as $$
declare
  v_request public.home_visit_requests;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_request from public.home_visit_requests where id = p_id for update;
  if not found or v_request.ward_id not in (select private.staff_scope()) then
    perform private.refuse('not_found');
  end if;
  return v_request;
end;
$$;
comment on function private.lock_staff_home_visit(bigint) is
  'Locks a home visit the signed-in officer covers; refuses not_allowed for non-staff, not_found for any other.';

-- Security definer: officers have no write grant on the requests; this checks the scope first.
create function public.staff_schedule_home_visit(p_id bigint, p_date date, p_from time, p_to time, p_team_contact text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_contact text := private.clean_text(p_team_contact);
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    perform private.lock_staff_home_visit(p_id);
    if p_date is null or p_date < private.today() then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'date'));
    end if;
    if p_from is null or p_to is null or p_to <= p_from then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'window'));
    end if;
    if length(coalesce(v_contact, '')) not between 3 and 200 then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'team_contact'));
    end if;
    update public.home_visit_requests
    set status = 'scheduled', scheduled_on = p_date, scheduled_from = p_from, scheduled_to = p_to, team_contact = v_contact
    where id = p_id;
    return jsonb_build_object('ok', true, 'id', p_id, 'status', 'scheduled');
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_schedule_home_visit');
  end;
end;
$$;
comment on function public.staff_schedule_home_visit(bigint, date, time, time, text) is
  'Schedules (or reschedules) a home visit the officer covers: date from today, time window and the team''s contact.';

create function public.staff_close_home_visit(p_id bigint, p_status text, p_note text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_note text := private.clean_text(p_note);
  v_request public.home_visit_requests;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_request := private.lock_staff_home_visit(p_id);
    if v_request.status not in ('received', 'scheduled') then
      perform private.refuse('invalid_transition', jsonb_build_object('from', v_request.status, 'to', p_status));
    end if;
    if p_status is null or p_status not in ('done', 'could_not') then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'status'));
    end if;
    if (p_status = 'could_not' or v_note is not null) and length(coalesce(v_note, '')) not between 2 and 500 then
      perform private.refuse('invalid_argument', jsonb_build_object('field', 'note'));
    end if;
    update public.home_visit_requests set status = p_status, outcome_note = v_note where id = p_id;
    return jsonb_build_object('ok', true, 'id', p_id, 'status', p_status);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_close_home_visit');
  end;
end;
$$;
comment on function public.staff_close_home_visit(bigint, text, text) is
  'Records how a home visit ended: done (an optional note) or could_not (the reason, required).';

revoke execute on function public.request_home_visit(jsonb, text), public.home_visit_status(text, text),
  public.change_home_visit(text, text, jsonb, jsonb), public.cancel_home_visit(text, text),
  public.staff_schedule_home_visit(bigint, date, time, time, text), public.staff_close_home_visit(bigint, text, text) from public;
grant execute on function public.request_home_visit(jsonb, text), public.home_visit_status(text, text),
  public.change_home_visit(text, text, jsonb, jsonb), public.cancel_home_visit(text, text) to anon, authenticated;
grant execute on function public.staff_schedule_home_visit(bigint, date, time, time, text),
  public.staff_close_home_visit(bigint, text, text) to authenticated;
