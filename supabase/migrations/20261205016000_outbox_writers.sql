-- Messages to citizens, the writers' side: the agreement to messages (opt-in, with the page's
-- language and an optional e-mail address) asked by the booking form, and the outbox rows written
-- in the transaction of each event (booking confirmed, the reminder the day before, a session
-- called off, moved or taken off the schedule); the stop link's function (15_messages.sql).

-- Agreement to messages (text messages about a booking, a home visit or a sign-up link's session)
-- is asked apart from the consent above, unticked: a form sends null when the person did not
-- agree, or {"lang", "email"}: the language of the page (messages go in it) and an e-mail address
-- to write to as well, or null. The phone is the one the form already asks for.
create domain private.email_address as text
  check (length(value) <= 254 and value ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');
comment on domain private.email_address is 'An e-mail address as the forms accept it.';

create function private.checked_messages(p_messages jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_email text;
begin
  if p_messages is null or p_messages = 'null'::jsonb then
    return null;
  end if;
  if jsonb_typeof(p_messages) is distinct from 'object' or p_messages ->> 'lang' is null
     or p_messages ->> 'lang' not in ('vi', 'en')
     or exists (select 1 from jsonb_object_keys(p_messages) k where k not in ('lang', 'email')) then
    perform private.refuse('invalid_argument', '{"field": "messages"}');
  end if;
  v_email := nullif(btrim(coalesce(p_messages ->> 'email', '')), '');
  if v_email is not null and (length(v_email) > 254 or v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$') then
    perform private.refuse('invalid_argument', '{"field": "messages_email"}');
  end if;
  return jsonb_build_object('lang', p_messages ->> 'lang', 'email', v_email);
end;
$$;
comment on function private.checked_messages(jsonb) is
  'A form''s agreement to messages, normalised: null when not given, else {"lang", "email"}; refuses invalid_argument (field messages or messages_email).';

alter table public.booking_groups
  add column messages_lang text check (messages_lang in ('vi', 'en')),
  add column messages_email private.email_address,
  add constraint booking_groups_messages_email_agreed check (messages_email is null or messages_lang is not null);
comment on column public.booking_groups.messages_lang is
  'The language of messages about the booking, when the person agreed to them at consent_at; null: no messages.';
comment on column public.booking_groups.messages_email is 'An e-mail address to send the messages to as well.';

alter table public.outbox_messages add column booking_group_id uuid references public.booking_groups (id);
create index outbox_messages_booking_group_id_idx on public.outbox_messages (booking_group_id) where booking_group_id is not null;

drop function private.place_booking(bigint, jsonb, text, text, text, jsonb);
drop function public.book_places(bigint, jsonb, text, text, text);

-- The body of a booking once the call's own arguments are checked: a replay returns the first
-- result; then the people, the same-person and phone rules, the shift's capacity and queue
-- numbers. p_consent is the id of the consent text the person agreed to, checked after a replay
-- (a replay returns the first result even once another text is in force). p_link names a link
-- sign-up: {"id", "org_group", "guardian_consent"}. p_messages is the agreement to messages
-- (private.checked_messages); the booking's messages are written with it (15_messages.sql).
create function private.place_booking(
  p_shift_id bigint,
  p_people jsonb,
  p_phone text,
  p_idempotency_key text,
  p_consent text,
  p_link jsonb default null,
  p_messages jsonb default null
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
  v_messages jsonb;
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
  v_messages := private.checked_messages(p_messages);

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

  insert into public.booking_groups (campaign_id, contact_phone, token_hash, idempotency_hash, request_hash, consent_at, consent_text_id,
                                     messages_lang, messages_email)
  values (v_campaign.id, p_phone, private.sha256(private.manage_token(p_idempotency_key)),
          private.sha256(p_idempotency_key), v_request_hash, now(), v_consent,
          v_messages ->> 'lang', v_messages ->> 'email')
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
  perform private.write_booking_messages(v_group.id);

  return private.booking_view(v_group.id, private.manage_token(p_idempotency_key));
end;
$$;
comment on function private.place_booking(bigint, jsonb, text, text, text, jsonb, jsonb) is
  'The booking engine: replay, the consent text in force, people, same-person and phone rules, shift capacity and queue numbers, and for a link sign-up the link''s state and places; the messages the person agreed to. Raises refusals.';

-- The public booking form: the call's own arguments are checked here, the rest by
-- private.place_booking.
create function public.book_places(
  p_shift_id bigint,
  p_people jsonb,
  p_phone text,
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
    return private.place_booking(p_shift_id, p_people, v_phone, p_idempotency_key, p_consent, null, p_messages);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'book_places');
  end;
end;
$$;
comment on function public.book_places(bigint, jsonb, text, text, text, jsonb) is
  'Books 1–5 people into a shift, all or none, each with a code and the next queue number, with the consent text agreed to (p_consent: the one in force today) and the agreement to messages (p_messages: null, or {"lang", "email"}); returns the codes and the manage token. Replays of the same idempotency key return the first result.';

revoke execute on function public.book_places(bigint, jsonb, text, text, text, jsonb) from public;
grant execute on function public.book_places(bigint, jsonb, text, text, text, jsonb) to anon, authenticated;

-- =====================================================================
-- Stopping messages
-- =====================================================================

-- A phone whose holder followed a message's stop link. An agreement given after that (a new
-- booking with the box ticked) counts again: the person asked anew.
create table private.stopped_phones (
  phone text primary key check (phone ~ '^0[35789][0-9]{8}$'),
  stopped_at timestamptz not null default now()
);
comment on table private.stopped_phones is 'Phones that asked for no more messages, and when.';

-- The stop page (/{lang}/messages/stop/#t=TOKEN): the token of any message sent to a phone stops
-- all messages to it that are not sent yet, and every later one the person agreed to before now.
create function public.stop_messages(p_token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text;
begin
  select m.phone into v_phone from public.outbox_messages m
  where p_token ~ '^[0-9a-f]{32}$' and m.stop_token = p_token;
  if v_phone is null then
    return private.refusal('not_found');
  end if;
  insert into private.stopped_phones (phone) values (v_phone)
  on conflict (phone) do update set stopped_at = now();
  update public.outbox_messages set voided_at = now() where phone = v_phone and voided_at is null;
  return jsonb_build_object('ok', true, 'phone_masked', private.mask_phone(v_phone));
end;
$$;
comment on function public.stop_messages(text) is
  'Stops the messages to the phone a message''s stop token was sent to: the pending ones are voided, later ones not written.';

revoke execute on function public.stop_messages(text) from public;
grant execute on function public.stop_messages(text) to anon, authenticated;

-- =====================================================================
-- Writing messages
-- =====================================================================

-- Writes one message under its key (event, what it is about, phone) and returns the key. Nothing
-- when the person did not agree (p_lang null) or stopped messages to the phone after agreeing at
-- p_agreed_at. The same key again writes nothing, except that a reminder not yet due (or voided)
-- takes the new text and time: a booking that changed and changed back is reminded of once.
create function private.write_message(
  p_event text,
  p_about text,
  p_phone text,
  p_lang text,
  p_email text,
  p_agreed_at timestamptz,
  p_payload jsonb,
  p_send_after timestamptz default now(),
  p_booking_group_id uuid default null
)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_key text := p_event || ':' || p_about || ':' || p_phone;
begin
  if p_lang is null or p_phone is null
     or exists (select 1 from private.stopped_phones s where s.phone = p_phone and s.stopped_at >= p_agreed_at) then
    return v_key;
  end if;
  insert into public.outbox_messages (event, lang, phone, email, payload, dedupe_key, send_after, booking_group_id)
  values (p_event, p_lang, p_phone, p_email, p_payload, v_key, p_send_after, p_booking_group_id)
  on conflict (dedupe_key) do update
  set payload = excluded.payload, send_after = excluded.send_after, voided_at = null
  where public.outbox_messages.voided_at is not null or public.outbox_messages.send_after > now();
  return v_key;
end;
$$;
comment on function private.write_message(text, text, text, text, text, timestamptz, jsonb, timestamptz, uuid) is
  'Writes one message per key (event:about:phone) for a person who agreed and did not stop messages since; returns the key.';

-- What a message about bookings says: their codes and queue numbers, and the place, day and hours
-- of the first of them; the link opens the booking page with its code (no token), which shows the
-- booking, a cancellation and the nearest alternatives.
create function private.bookings_payload(p_booking_ids bigint[], p_lang text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with booked as (
    select b.code, b.queue_no, s.starts_at, s.ends_at, sess.session_date, site.name, site.address
    from public.bookings b
    join public.shifts s on s.id = b.shift_id
    join public.intake_sessions sess on sess.id = s.session_id
    join public.intake_sites site on site.id = sess.site_id
    where b.id = any (p_booking_ids))
  select jsonb_build_object(
    'codes', (select jsonb_agg(code order by starts_at, queue_no) from booked),
    'booked', (select jsonb_agg(jsonb_build_object('code', code, 'queue_no', queue_no) order by starts_at, queue_no) from booked),
    'place', jsonb_build_object('name', first.name, 'address', first.address),
    'date', first.session_date,
    'starts', to_char(first.starts_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI'),
    'ends', to_char(first.ends_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI'),
    'link', '/' || p_lang || '/booking/#lookup=' || first.code)
  from (select * from booked order by starts_at, queue_no limit 1) first
$$;
comment on function private.bookings_payload(bigint[], text) is
  'The payload of a message about some bookings (outboxPayloadSchema): codes, queue numbers, place, day, hours, the booking page''s link.';

-- The reminders of a booking group: one per shift it is booked in that will be held, at 17:00
-- Viet Nam time the day before, written while that is still ahead. The shift's start is in the
-- key, so a booking moved (or a session moved) gets a new reminder; those no longer true (the
-- booking cancelled or moved, the session called off or taken off the schedule) are voided.
create function private.write_reminders(p_group_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_group public.booking_groups;
  v_shift record;
  v_send_after timestamptz;
  v_keys text[] := '{}';
begin
  select * into v_group from public.booking_groups where id = p_group_id;
  for v_shift in
    select s.id, s.starts_at, array_agg(b.id) as booking_ids
    from public.bookings b
    join public.shifts s on s.id = b.shift_id
    join public.intake_sessions sess on sess.id = s.session_id
    where b.group_id = p_group_id and b.status = 'confirmed' and v_group.messages_lang is not null
      and sess.cancelled_at is null and (sess.published or b.signup_link_id is not null)
    group by s.id, s.starts_at
  loop
    v_send_after := (((v_shift.starts_at at time zone 'Asia/Ho_Chi_Minh')::date - 1) + time '17:00') at time zone 'Asia/Ho_Chi_Minh';
    if v_send_after > now() then
      v_keys := v_keys || private.write_message(
        'booking_reminder', p_group_id || ':' || v_shift.id || ':' || extract(epoch from v_shift.starts_at)::bigint,
        v_group.contact_phone, v_group.messages_lang, v_group.messages_email, v_group.consent_at,
        private.bookings_payload(v_shift.booking_ids, v_group.messages_lang), v_send_after, p_group_id);
    end if;
  end loop;
  update public.outbox_messages m set voided_at = now()
  where m.booking_group_id = p_group_id and m.event = 'booking_reminder' and m.voided_at is null
    and m.dedupe_key <> all (v_keys);
end;
$$;
comment on function private.write_reminders(uuid) is
  'Writes the day-before reminders a booking group needs now and voids the ones it no longer does.';

-- A booking made (private.place_booking): its confirmation, one message listing every code of the
-- group, and its reminders.
create function private.write_booking_messages(p_group_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_group public.booking_groups;
begin
  select * into v_group from public.booking_groups where id = p_group_id;
  if v_group.messages_lang is null then
    return;
  end if;
  perform private.write_message(
    'booking_confirmed', p_group_id::text, v_group.contact_phone, v_group.messages_lang, v_group.messages_email,
    v_group.consent_at,
    private.bookings_payload(array(select b.id from public.bookings b where b.group_id = p_group_id and b.status = 'confirmed'),
                             v_group.messages_lang),
    now(), p_group_id);
  perform private.write_reminders(p_group_id);
end;
$$;
comment on function private.write_booking_messages(uuid) is
  'Writes a new booking group''s confirmation and reminders, if the person agreed to messages.';

-- A booking cancelled, moved, served or marked absent: its reminders follow.
create function private.booking_changed_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.write_reminders(new.group_id);
  return null;
end;
$$;
comment on function private.booking_changed_messages() is 'Trigger: a booking''s reminders follow its status and shift.';

create trigger bookings_messages after update of status, shift_id on public.bookings
  for each row when (old.status is distinct from new.status or old.shift_id is distinct from new.shift_id)
  execute function private.booking_changed_messages();

-- A shift's hours moved (with its session): the reminders of those booked in it follow.
create function private.shift_moved_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.write_reminders(g.group_id)
  from (select distinct b.group_id from public.bookings b where b.shift_id = new.id and b.status = 'confirmed') g;
  return null;
end;
$$;
comment on function private.shift_moved_messages() is 'Trigger: the reminders of a shift''s bookings follow its hours.';

create trigger shifts_messages after update of starts_at on public.shifts
  for each row when (old.starts_at is distinct from new.starts_at)
  execute function private.shift_moved_messages();

-- A session called off, moved to another day, or taken off the schedule while people are booked in
-- it: one message to each phone that agreed, listing its codes there (the language and e-mail of
-- its latest agreement), and the reminders follow. Officers do these through their functions
-- (10_day_of_intake.sql, 04_sites_sessions_shifts.sql); writing them here tells people whatever
-- path changed the session.
create function private.session_changed_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event text;
  v_about text;
  v_recipient record;
  v_payload jsonb;
begin
  if old.cancelled_at is null and new.cancelled_at is not null then
    v_event := 'session_cancelled';
    v_about := new.id::text;
  elsif old.session_date <> new.session_date then
    v_event := 'session_moved';
  elsif old.published and not new.published then
    v_event := 'session_unpublished';
  end if;
  if v_event is null then
    return null;
  end if;
  -- A session can move or leave the schedule more than once; each time is news.
  v_about := coalesce(v_about, new.id || ':' || (extract(epoch from now()) * 1000000)::bigint);

  for v_recipient in
    select g.contact_phone as phone,
           (array_agg(g.messages_lang order by g.consent_at desc))[1] as lang,
           (array_agg(g.messages_email order by g.consent_at desc))[1] as email,
           max(g.consent_at) as agreed_at,
           array_agg(b.id) as booking_ids
    from public.bookings b
    join public.shifts s on s.id = b.shift_id
    join public.booking_groups g on g.id = b.group_id
    where s.session_id = new.id and b.status = 'confirmed' and g.messages_lang is not null
    group by g.contact_phone
  loop
    v_payload := private.bookings_payload(v_recipient.booking_ids, v_recipient.lang);
    v_payload := v_payload || case v_event
      when 'session_cancelled' then jsonb_build_object('reason', new.cancel_reason)
      when 'session_moved' then jsonb_build_object('date', old.session_date, 'new_date', new.session_date,
                                                   'new_starts', v_payload -> 'starts', 'new_ends', v_payload -> 'ends')
      else '{}'::jsonb end;
    perform private.write_message(v_event, v_about, v_recipient.phone, v_recipient.lang, v_recipient.email,
                                  v_recipient.agreed_at, v_payload);
  end loop;

  perform private.write_reminders(g.group_id)
  from (select distinct b.group_id from public.bookings b join public.shifts s on s.id = b.shift_id
        where s.session_id = new.id and b.status = 'confirmed') g;
  return null;
end;
$$;
comment on function private.session_changed_messages() is
  'Trigger: tells the people booked in a session that it was called off, moved or taken off the schedule, and moves their reminders.';

create trigger intake_sessions_messages after update of cancelled_at, session_date, published on public.intake_sessions
  for each row execute function private.session_changed_messages();
