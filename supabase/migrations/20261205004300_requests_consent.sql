-- Issue 13, part requests-consent: consent follows the law in force on the day (dated texts in
-- private.consent_texts; bookings, home visits and organisation requests record the text agreed
-- to), and home-visit and organisation requests carry their campaign, whose set and province their
-- ward must be of. The same changes as supabase/schemas/05, 06, 07 and 11.

create table private.consent_texts (
  id text primary key check (id ~ '^[a-z0-9-]{3,40}$'),
  valid_from date not null,
  valid_to date,
  check (valid_to is null or valid_to >= valid_from)
);
comment on table private.consent_texts is
  'The versions of the consent and privacy texts, each following the personal-data law in force from valid_from to valid_to (both included; null: still in force).';

insert into private.consent_texts (id, valid_from, valid_to) values
  ('decree-13-2023', '2023-07-01', '2025-12-31'),
  ('law-91-2025', '2026-01-01', null);

create function private.consent_text_on(p_day date)
returns text
language sql
stable
set search_path = ''
as $$
  select t.id from private.consent_texts t
  where t.valid_from <= p_day and (t.valid_to is null or p_day <= t.valid_to)
  order by t.valid_from desc
  limit 1
$$;
comment on function private.consent_text_on(date) is 'The id of the consent text in force on a day, or null.';

-- What a form sends is the id of the text it showed when the box was ticked: a page opened before
-- the law changed (or kept in a tab) showed a text that no longer holds, so the person must read
-- the one in force and agree again.
create function private.checked_consent(p_consent text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_in_force text := private.consent_text_on(private.today());
begin
  if nullif(btrim(coalesce(p_consent, '')), '') is null then
    perform private.refuse('consent_required');
  end if;
  if p_consent is distinct from v_in_force then
    perform private.refuse('consent_outdated', jsonb_build_object('in_force', v_in_force));
  end if;
  return p_consent;
end;
$$;
comment on function private.checked_consent(text) is
  'The consent text a call agreed to; refuses consent_required when none, consent_outdated when it is not the one in force today.';

insert into private.refusal_statuses (code, status) values
  ('consent_outdated', 409);

-- Bookings made so far agreed to the text in force the day they were made.
alter table public.booking_groups add column consent_text_id text references private.consent_texts (id);
update public.booking_groups set consent_text_id = private.consent_text_on((consent_at at time zone 'Asia/Ho_Chi_Minh')::date);
alter table public.booking_groups alter column consent_text_id set not null;
comment on column public.booking_groups.consent_text_id is
  'The consent text the person agreed to at consent_at (the one in force that day).';
create index booking_groups_consent_text_id_idx on public.booking_groups (consent_text_id);

-- Organisation requests so far: the campaign of their ward's province (the latest one); they were
-- sent without a consent text.
alter table public.organisation_requests
  add column campaign_id integer references public.campaigns (id),
  add column consent_text_id text references private.consent_texts (id);
update public.organisation_requests r set campaign_id = (
  select c.id from public.admin_units w
  left join public.admin_units d on d.id = w.parent_id and d.level = 2
  join public.campaigns c on c.province_id in (w.parent_id, d.parent_id)
  where w.id = r.ward_id
  order by c.starts_on desc
  limit 1);
alter table public.organisation_requests alter column campaign_id set not null;
comment on column public.organisation_requests.campaign_id is 'The campaign the request was sent for; its ward is of the campaign''s set and province.';
comment on column public.organisation_requests.consent_text_id is
  'The consent text the contact person agreed to (the one in force the day the request was sent).';
create index organisation_requests_campaign_id_idx on public.organisation_requests (campaign_id);
create index organisation_requests_consent_text_id_idx on public.organisation_requests (consent_text_id);

insert into private.refusal_statuses (code, status) values
  ('ward_outside_campaign', 422);

create function private.campaign_ward(p_campaign text, p_ward text)
returns table (campaign_id integer, ward_id integer)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_ward_id integer;
  v_in_province boolean;
begin
  select * into v_campaign from public.campaigns where slug = p_campaign;
  if not found then
    perform private.refuse('campaign_not_found');
  end if;
  -- A ward's parent is its province (2025) or its district, whose parent is the province (2021).
  select w.id, p.id in (w.parent_id, d.parent_id) into v_ward_id, v_in_province
  from public.admin_units p
  join public.admin_units w on w.unit_set = p.unit_set and w.level = 3 and w.code = p_ward
  left join public.admin_units d on d.id = w.parent_id and d.level = 2
  where p.id = v_campaign.province_id;
  if v_ward_id is null then
    perform private.refuse('invalid_argument', '{"field": "ward"}');
  end if;
  -- A ward of another province: the person chose it on a page of another province's campaign.
  if not v_in_province then
    perform private.refuse('ward_outside_campaign', '{"field": "ward"}');
  end if;
  return query select v_campaign.id, v_ward_id;
end;
$$;
comment on function private.campaign_ward(text, text) is
  'The campaign of a slug and the id of a ward code in its set and province; refuses campaign_not_found, invalid_argument (ward) for a code not in its set, ward_outside_campaign for a ward of another province.';

drop function public.request_organisation_session(text, text, text, text, integer, text, text, text, date, date, text);
create function public.request_organisation_session(
  p_campaign text,
  p_kind text,
  p_name text,
  p_ward text,
  p_address text,
  p_expected_people integer,
  p_contact_name text,
  p_contact_phone text,
  p_contact_email text,
  p_preferred_from date,
  p_preferred_to date,
  p_consent text,
  p_notes text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_contact_phone);
  v_place record;
  v_consent text;
  v_id bigint;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('org_request', p_contact_phone) then
    return private.refusal('rate_limited');
  end if;
  begin
    if p_kind is null or p_kind not in ('school', 'enterprise', 'agency') then
      perform private.refuse('invalid_argument', '{"field": "kind"}');
    end if;
    if length(btrim(coalesce(p_name, ''))) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "name"}');
    end if;
    select * into v_place from private.campaign_ward(p_campaign, p_ward);
    if length(btrim(coalesce(p_address, ''))) not between 3 and 300 then
      perform private.refuse('invalid_argument', '{"field": "address"}');
    end if;
    if p_expected_people is null or p_expected_people not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "expected_people"}');
    end if;
    if length(btrim(coalesce(p_contact_name, ''))) not between 2 and 100 then
      perform private.refuse('invalid_argument', '{"field": "contact_name"}');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    if nullif(btrim(p_contact_email), '') is not null
       and (length(btrim(p_contact_email)) > 200 or btrim(p_contact_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
      perform private.refuse('invalid_argument', '{"field": "contact_email"}');
    end if;
    if p_preferred_from is null or p_preferred_from < private.today() then
      perform private.refuse('invalid_argument', '{"field": "preferred_from"}');
    end if;
    if p_preferred_to is null or p_preferred_to < p_preferred_from or p_preferred_to > p_preferred_from + 180 then
      perform private.refuse('invalid_argument', '{"field": "preferred_to"}');
    end if;
    if length(coalesce(p_notes, '')) > 1000 then
      perform private.refuse('invalid_argument', '{"field": "notes"}');
    end if;
    v_consent := private.checked_consent(p_consent);
    insert into public.organisation_requests (kind, name, ward_id, address, expected_people, contact_name,
                                              contact_phone, contact_email, preferred_from, preferred_to, notes,
                                              campaign_id, consent_text_id)
    values (p_kind, btrim(p_name), v_place.ward_id, btrim(p_address), p_expected_people, btrim(p_contact_name),
            v_phone, nullif(btrim(p_contact_email), ''), p_preferred_from, p_preferred_to, nullif(btrim(p_notes), ''),
            v_place.campaign_id, v_consent)
    returning id into v_id;
    return jsonb_build_object('ok', true, 'id', v_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'request_organisation_session');
  end;
end;
$$;
comment on function public.request_organisation_session(text, text, text, text, text, integer, text, text, text, date, date, text, text) is
  'A school, enterprise or agency asks a campaign for a mobile session on site, with the consent text its contact agreed to; the officers of the ward''s scope see it in the console. Rate-limited per IP and per phone.';

revoke execute on function public.request_organisation_session(text, text, text, text, text, integer, text, text, text, date, date, text, text) from public;
grant execute on function public.request_organisation_session(text, text, text, text, text, integer, text, text, text, date, date, text, text) to anon, authenticated;

drop function public.join_signup_link(text, bigint, jsonb, text, text, boolean, boolean, text);
create function public.join_signup_link(
  p_token text,
  p_shift_id bigint,
  p_person jsonb,
  p_phone text,
  p_org_group text,
  p_guardian_consent boolean,
  p_consent text,
  p_idempotency_key text
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_phone);
  v_link public.signup_links;
  v_group text := regexp_replace(btrim(coalesce(p_org_group, '')), '\s+', ' ', 'g');
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('book', p_phone) then
    return private.refusal('rate_limited');
  end if;

  begin
    v_link := private.link_by_share_token(p_token);
    if v_link.id is null then
      perform private.refuse('link_not_found');
    end if;
    if p_idempotency_key is null or p_idempotency_key !~ '^[A-Za-z0-9_-]{22,64}$' then
      perform private.refuse('invalid_idempotency_key');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    if length(v_group) not between 1 and 100 then
      perform private.refuse('invalid_argument', '{"field": "org_group"}');
    end if;
    -- A link signs up one person at a time: each student or employee joins for themselves.
    return private.place_booking(p_shift_id, jsonb_build_array(p_person), v_phone, p_idempotency_key, p_consent,
      jsonb_build_object('id', v_link.id, 'org_group', v_group, 'guardian_consent', coalesce(p_guardian_consent, false)));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'join_signup_link');
  end;
end;
$$;
comment on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text) is
  'Signs one person up through a share token: a booking in a shift of the link''s session, marked with the link, within the link''s places and the shift''s capacity, with the consent text agreed to (p_consent: the one in force today). Replays of the same idempotency key return the first result.';
revoke execute on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text) from public;
grant execute on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text) to anon, authenticated;

drop function private.place_booking(bigint, jsonb, text, text, jsonb);
create function private.place_booking(
  p_shift_id bigint,
  p_people jsonb,
  p_phone text,
  p_idempotency_key text,
  p_consent text,
  p_link jsonb default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_session public.intake_sessions;
  v_campaign public.campaigns;
  v_link public.signup_links;
  v_people jsonb;
  v_places integer;
  v_group public.booking_groups;
  v_consent text;
  v_request_hash bytea;
  v_first_no integer;
  v_person jsonb;
  v_code text;
  v_index integer := 0;
begin
  -- What was asked for; a link sign-up adds its own fields, so a public booking's hash is as before.
  v_request_hash := private.sha256(p_shift_id::text || '|' || p_phone || '|' || coalesce(p_people::text, '')
                                   || coalesce('|' || p_link::text, ''));

  -- One booking at a time per phone number: the phone limit and a replay are then decided on
  -- what the previous call committed.
  perform pg_advisory_xact_lock(hashtextextended('book_places:' || p_phone, 0));

  select * into v_group from public.booking_groups where idempotency_hash = private.sha256(p_idempotency_key);
  if found then
    if v_group.request_hash <> v_request_hash then
      perform private.refuse('idempotency_conflict');
    end if;
    return private.booking_view(v_group.id, private.manage_token(p_idempotency_key));
  end if;
  v_consent := private.checked_consent(p_consent);

  select * into v_shift from public.shifts where id = p_shift_id;
  if not found then
    perform private.refuse('shift_not_found');
  end if;
  select * into v_session from public.intake_sessions where id = v_shift.session_id;
  select * into v_campaign from public.campaigns where id = v_session.campaign_id;

  -- The link is locked before the shift, as everywhere, so concurrent sign-ups cannot deadlock.
  if p_link is not null then
    v_link := private.lock_joinable_link((p_link ->> 'id')::bigint, p_shift_id);
  end if;

  v_people := private.checked_people(p_people, v_session.session_date, v_campaign.min_age);
  v_places := jsonb_array_length(v_people);

  -- A student under 18 joins with a parent's or guardian's consent (Decree 13/2023 on children's
  -- data): the age on the day of signing up, the younger one, as that is when the data is given.
  if p_link is not null and v_link.org_kind = 'school'
     and extract(year from age(private.today(), (v_people -> 0 ->> 'birth_date')::date)) < 18
     and (p_link ->> 'guardian_consent')::boolean is distinct from true then
    perform private.refuse('guardian_consent_required', '{"person": 0}');
  end if;

  -- Already holding an active booking in this campaign: by ID number or by name and birth date.
  for v_person in select value from jsonb_array_elements(v_people) loop
    if exists (
      select 1 from public.bookings b
      where b.campaign_id = v_campaign.id and b.status in ('confirmed', 'checked_in')
        and ((v_person ->> 'id_number') = b.id_number
          or (b.name_key = lower(v_person ->> 'full_name') and b.birth_date = (v_person ->> 'birth_date')::date))
    ) then
      perform private.refuse('already_booked', jsonb_build_object('person', v_index));
    end if;
    v_index := v_index + 1;
  end loop;

  if (select count(*) from public.bookings b join public.booking_groups g on g.id = b.group_id
      where g.campaign_id = v_campaign.id and g.contact_phone = p_phone
        and b.status in ('confirmed', 'checked_in')) + v_places > v_campaign.max_active_per_phone then
    perform private.refuse('phone_limit', jsonb_build_object('max', v_campaign.max_active_per_phone));
  end if;

  v_shift := private.lock_shift_for_booking(p_shift_id, v_places, p_link is not null);
  v_first_no := private.take_places(p_shift_id, v_places);

  insert into public.booking_groups (campaign_id, contact_phone, token_hash, idempotency_hash, request_hash, consent_at, consent_text_id)
  values (v_campaign.id, p_phone, private.sha256(private.manage_token(p_idempotency_key)),
          private.sha256(p_idempotency_key), v_request_hash, now(), v_consent)
  returning * into v_group;

  v_index := 0;
  for v_person in select value from jsonb_array_elements(v_people) loop
    -- 40 random bits: a collision is rare, and the unique constraint backs this check.
    loop
      v_code := private.new_booking_code();
      exit when not exists (select 1 from public.bookings where code = v_code);
    end loop;
    insert into public.bookings (group_id, campaign_id, shift_id, code, queue_no, full_name, birth_date, id_number,
                                 application_kind, signup_link_id, org_group, guardian_consent_at)
    values (v_group.id, v_campaign.id, p_shift_id, v_code, v_first_no + v_index,
            v_person ->> 'full_name', (v_person ->> 'birth_date')::date, v_person ->> 'id_number',
            v_person ->> 'application_kind', v_link.id, p_link ->> 'org_group',
            case when (p_link ->> 'guardian_consent')::boolean then now() end);
    v_index := v_index + 1;
  end loop;

  return private.booking_view(v_group.id, private.manage_token(p_idempotency_key));
end;
$$;
comment on function private.place_booking(bigint, jsonb, text, text, text, jsonb) is
  'The booking engine: replay, the consent text in force, people, same-person and phone rules, shift capacity and queue numbers, and for a link sign-up the link''s state and places. Raises refusals.';

drop function public.book_places(bigint, jsonb, text, boolean, text);
create function public.book_places(
  p_shift_id bigint,
  p_people jsonb,
  p_phone text,
  p_consent text,
  p_idempotency_key text
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_phone);
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('book', p_phone) then
    return private.refusal('rate_limited');
  end if;

  begin
    if p_idempotency_key is null or p_idempotency_key !~ '^[A-Za-z0-9_-]{22,64}$' then
      perform private.refuse('invalid_idempotency_key');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    return private.place_booking(p_shift_id, p_people, v_phone, p_idempotency_key, p_consent);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'book_places');
  end;
end;
$$;
comment on function public.book_places(bigint, jsonb, text, text, text) is
  'Books 1–5 people into a shift, all or none, each with a code and the next queue number, with the consent text agreed to (p_consent: the one in force today); returns the codes and the manage token. Replays of the same idempotency key return the first result.';
revoke execute on function public.book_places(bigint, jsonb, text, text, text) from public;
grant execute on function public.book_places(bigint, jsonb, text, text, text) to anon, authenticated;

-- Home visits so far: the campaign of their ward's province (the latest one), and the text in
-- force the day they were sent.
alter table public.home_visit_requests
  add column campaign_id integer references public.campaigns (id),
  add column consent_text_id text references private.consent_texts (id);
update public.home_visit_requests r set
  consent_text_id = private.consent_text_on((r.consent_at at time zone 'Asia/Ho_Chi_Minh')::date),
  campaign_id = (
    select c.id from public.admin_units w
    left join public.admin_units d on d.id = w.parent_id and d.level = 2
    join public.campaigns c on c.province_id in (w.parent_id, d.parent_id)
    where w.id = r.ward_id
    order by c.starts_on desc
    limit 1);
alter table public.home_visit_requests alter column campaign_id set not null, alter column consent_text_id set not null;
comment on column public.home_visit_requests.campaign_id is 'The campaign the request was sent for; its ward is of the campaign''s set and province.';
comment on column public.home_visit_requests.consent_text_id is
  'The consent text the requester agreed to at consent_at (the one in force that day).';
create index home_visit_requests_campaign_id_idx on public.home_visit_requests (campaign_id);
create index home_visit_requests_consent_text_id_idx on public.home_visit_requests (consent_text_id);
grant select (campaign_id, consent_text_id) on public.home_visit_requests to authenticated;

create or replace function public.request_home_visit(p_request jsonb, p_idempotency_key text)
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
      if v_lat not between 8 and 24 or v_lng not between 102 and 118 then
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
      requester_name, requester_phone, relationship, consent_at, campaign_id, consent_text_id)
    values (
      v_code, private.sha256(private.manage_token(p_idempotency_key)), private.sha256(p_idempotency_key), v_request_hash,
      v_name, v_birth, v_old_id, v_reason, case when v_reason = 'other' then v_reason_other end,
      v_ward_id, v_address, v_landmark, v_lat, v_lng, v_needs, v_language, v_days, v_periods,
      v_requester, v_phone, p_request ->> 'relationship', now(), v_campaign_id, v_consent)
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
