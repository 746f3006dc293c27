-- Messages to citizens, the writers' side (2): sign-ups through an organisation's link and
-- home-visit requests ask for the agreement to messages too; a home visit scheduled, rescheduled or
-- closed writes its message; the daily purge clears the messages' personal data with the rest.

drop function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text);
create function public.join_signup_link(
  p_token text,
  p_shift_id bigint,
  p_person jsonb,
  p_phone text,
  p_org_group text,
  p_guardian_consent boolean,
  p_consent text,
  p_idempotency_key text,
  p_messages jsonb default null
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
      jsonb_build_object('id', v_link.id, 'org_group', v_group, 'guardian_consent', coalesce(p_guardian_consent, false)),
      p_messages);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'join_signup_link');
  end;
end;
$$;
comment on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text, jsonb) is
  'Signs one person up through a share token: a booking in a shift of the link''s session, marked with the link, within the link''s places and the shift''s capacity, with the consent text agreed to (p_consent: the one in force today) and the agreement to messages (p_messages, as book_places). Replays of the same idempotency key return the first result.';

revoke execute on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text, jsonb) from public;
grant execute on function public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text, jsonb) to anon, authenticated;

alter table public.home_visit_requests
  add column messages_lang text check (messages_lang in ('vi', 'en')),
  add column messages_email private.email_address,
  add constraint home_visit_requests_messages_email_agreed check (messages_email is null or messages_lang is not null);

-- Security definer: anon writes a table it cannot read. p_request is the form as
-- src/domain/home-visit.ts describes it, with the campaign's slug (`campaign`) and the id of the
-- consent text agreed to (`consent`).
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

-- A home visit scheduled, its day, hours or team changed, or closed by the officers (done, could
-- not be done): a message to the requester who agreed. The link leads to the home-visit page: the
-- request's own status link carries its token, which a message never does.
create function private.home_visit_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event text;
begin
  if new.status = 'scheduled' and old.status = 'received' then
    v_event := 'home_visit_scheduled';
  elsif new.status = 'scheduled' and old.status = 'scheduled'
        and (old.scheduled_on, old.scheduled_from, old.scheduled_to, old.team_contact)
            is distinct from (new.scheduled_on, new.scheduled_from, new.scheduled_to, new.team_contact) then
    v_event := 'home_visit_rescheduled';
  elsif new.status in ('done', 'could_not') and old.status in ('received', 'scheduled') then
    v_event := 'home_visit_closed';
  end if;
  if v_event is null or new.messages_lang is null then
    return null;
  end if;
  perform private.write_message(
    v_event,
    -- A visit can be moved more than once; each time is news.
    new.id || case when v_event = 'home_visit_rescheduled' then ':' || (extract(epoch from now()) * 1000000)::bigint else '' end,
    new.requester_phone, new.messages_lang, new.messages_email, new.consent_at,
    jsonb_strip_nulls(jsonb_build_object(
      'codes', jsonb_build_array(new.code),
      'date', new.scheduled_on,
      'starts', to_char(new.scheduled_from, 'HH24:MI'),
      'ends', to_char(new.scheduled_to, 'HH24:MI'),
      'contact', new.team_contact,
      'outcome', case when v_event = 'home_visit_closed' then new.status end,
      'reason', case when v_event = 'home_visit_closed' then new.outcome_note end,
      'link', '/' || new.messages_lang || '/home-visit/')));
  return null;
end;
$$;
comment on function private.home_visit_messages() is
  'Trigger: tells a requester who agreed that their home visit was scheduled, rescheduled or closed.';

create trigger home_visit_requests_messages after update of status, scheduled_on, scheduled_from, scheduled_to, team_contact
  on public.home_visit_requests
  for each row execute function private.home_visit_messages();

-- A message holds a phone, maybe an e-mail and booking codes: it goes once the retention period
-- has passed since it was due (sent by then, or voided).
create function private.purge_messages(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from public.outbox_messages m
  where (m.send_after at time zone 'Asia/Ho_Chi_Minh')::date < p_cutoff;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.purge_messages(date) is 'Deletes the outbox messages due before p_cutoff; returns how many.';

create or replace function private.purge_home_visits(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_requests integer;
begin
  with purged as (
    update public.home_visit_requests r
    set status = case when r.status in ('received', 'scheduled') then 'could_not' else r.status end,
        full_name = null, birth_date = null, old_id_number = null, street_address = null, landmark = null,
        lat = null, lng = null, ethnic_language = null, reason_other = null, requester_name = null,
        requester_phone = null, outcome_note = null, messages_email = null, purged_at = now()
    where r.purged_at is null
      and ((r.status in ('done', 'could_not', 'cancelled')
            and greatest(r.scheduled_on, (r.updated_at at time zone 'Asia/Ho_Chi_Minh')::date) < p_cutoff)
        or (r.status in ('received', 'scheduled')
            and greatest(r.scheduled_on, (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date) < private.today() - 365))
    returning r.id),
  notes as (
    update public.home_visit_events e set note = null from purged where e.request_id = purged.id and e.note is not null
    returning e.id)
  select count(*) into v_requests from purged;
  return v_requests;
end;
$$;
comment on function private.purge_home_visits(date) is
  'Clears the personal fields of home visits closed before p_cutoff (and the notes of their history), closing as could_not those still open a year after they were sent and their visit day; returns how many.';

insert into private.personal_columns (table_name, column_name) values ('home_visit_requests', 'messages_email');

create or replace function public.purge_personal_data(p_retention_days integer default 30)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cutoff date;
  v_bookings integer;
  v_groups integer;
  v_home_visits integer;
  v_org_requests integer;
  v_audit integer;
  v_messages integer;
  v_hits integer;
begin
  if p_retention_days is null or p_retention_days not between 0 and 3650 then
    raise exception 'p_retention_days must be between 0 and 3650' using errcode = '22023';
  end if;
  v_cutoff := private.today() - p_retention_days;

  update public.bookings b
  set full_name = null, birth_date = null, id_number = null, org_group = null, purged_at = now(), updated_at = now()
  from public.shifts s
  join public.intake_sessions sess on sess.id = s.session_id
  where b.shift_id = s.id and b.purged_at is null and sess.session_date < v_cutoff;
  get diagnostics v_bookings = row_count;

  -- A group's phone goes once none of its bookings still needs it.
  update public.booking_groups g
  set contact_phone = null, messages_email = null, purged_at = now()
  where g.purged_at is null
    and not exists (select 1 from public.bookings b where b.group_id = g.id and b.purged_at is null);
  get diagnostics v_groups = row_count;

  v_home_visits := private.purge_home_visits(v_cutoff);
  v_org_requests := private.purge_organisation_requests(v_cutoff);
  v_audit := private.purge_audit_log(v_cutoff);
  v_messages := private.purge_messages(v_cutoff);

  delete from private.rate_limit_hits where at < now() - interval '1 day';
  get diagnostics v_hits = row_count;

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'organisation_requests', v_org_requests,
                            'audit_entries', v_audit, 'messages', v_messages, 'rate_limit_hits', v_hits);
end;
$$;
comment on function public.purge_personal_data(integer) is
  'Clears personal fields of bookings whose session is more than p_retention_days old, keeping the counts; for the scheduled job (service_role).';
