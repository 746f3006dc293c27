-- Messages to citizens: the outbox. Each event a person agreed to hear about (a booking confirmed,
-- the reminder the day before, a session cancelled or moved, a home visit scheduled or closed, a
-- sign-up link's session changed) writes one row here in the transaction of the event, so a
-- message exists exactly when its event happened. A sender (supabase/functions/send-messages)
-- delivers the rows through the configured providers; no API role reads or writes them.

create table public.outbox_messages (
  id bigint generated always as identity primary key,
  event text not null check (event in (
    'booking_confirmed', 'booking_reminder', 'session_cancelled', 'session_moved', 'session_unpublished',
    'home_visit_scheduled', 'home_visit_rescheduled', 'home_visit_closed', 'signup_session_changed')),
  -- The language of the page the person used: the message is written in it.
  lang text not null check (lang in ('vi', 'en')),
  phone text not null check (phone ~ '^0[35789][0-9]{8}$'),
  -- Only when the person gave one and agreed to e-mail as well as text messages.
  email text check (email is null or (length(email) <= 254 and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')),
  -- What the text needs (codes, place, date, hours, links): src/domain/outbox.ts, outboxPayloadSchema.
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  -- One message per event and recipient: the event, what it is about and the phone, e.g.
  -- 'booking_confirmed:<group id>:0912345678'. A repeated event (a retried transaction) writes nothing.
  dedupe_key text not null constraint outbox_messages_dedupe_key_key unique,
  -- Not before this time (the reminder is written at booking, to go the day before).
  send_after timestamptz not null default now(),
  -- Set when the message must no longer go (the booking it reminds of was cancelled or moved).
  voided_at timestamptz,
  -- Carried by the message's stop link: whoever holds it may stop further messages to this phone.
  stop_token text not null default encode(extensions.gen_random_bytes(16), 'hex')
    constraint outbox_messages_stop_token_key unique,
  created_at timestamptz not null default now(),
  -- The booking a confirmation or reminder is about, so its reminders are found when it changes.
  booking_group_id uuid references public.booking_groups (id)
);
comment on table public.outbox_messages is
  'Messages to send to citizens who agreed to them: one per event and recipient, written in the event''s transaction.';

create index outbox_messages_due_idx on public.outbox_messages (send_after) where voided_at is null;
create index outbox_messages_phone_idx on public.outbox_messages (phone);
create index outbox_messages_booking_group_id_idx on public.outbox_messages (booking_group_id) where booking_group_id is not null;

alter table public.outbox_messages enable row level security;

-- No policy: citizens and officers never read the outbox; the sender uses the service role.
grant select, insert, update, delete on public.outbox_messages to service_role;

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

  -- The coordinators of the session's sign-up links who agreed: one message per link, about the
  -- session (no codes), linking to the public schedules (the link's own pages need its tokens).
  for v_recipient in
    select l.id, l.contact_phone as phone, l.messages_lang as lang, l.created_at as agreed_at,
           site.name, site.address,
           to_char(min(s.starts_at) at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') as starts,
           to_char(max(s.ends_at) at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') as ends
    from public.signup_links l
    join public.intake_sites site on site.id = new.site_id
    left join public.shifts s on s.session_id = new.id
    where l.session_id = new.id and l.contact_phone is not null
    group by l.id, site.id
  loop
    perform private.write_message('signup_session_changed', v_about || ':' || v_recipient.id, v_recipient.phone,
      v_recipient.lang, null, v_recipient.agreed_at,
      jsonb_strip_nulls(jsonb_build_object(
        'codes', '[]'::jsonb,
        'place', jsonb_build_object('name', v_recipient.name, 'address', v_recipient.address),
        'date', old.session_date,
        'new_date', case when v_event = 'session_moved' then new.session_date end,
        'new_starts', case when v_event = 'session_moved' then v_recipient.starts end,
        'new_ends', case when v_event = 'session_moved' then v_recipient.ends end,
        'reason', case when v_event = 'session_cancelled' then new.cancel_reason end,
        'link', '/' || v_recipient.lang || '/schedules/')));
  end loop;

  perform private.write_reminders(g.group_id)
  from (select distinct b.group_id from public.bookings b join public.shifts s on s.id = b.shift_id
        where s.session_id = new.id and b.status = 'confirmed') g;
  return null;
end;
$$;
comment on function private.session_changed_messages() is
  'Trigger: tells the people booked in a session, and the coordinators of its sign-up links who agreed, that it was called off, moved or taken off the schedule, and moves the reminders.';

create trigger intake_sessions_messages after update of cancelled_at, session_date, published on public.intake_sessions
  for each row execute function private.session_changed_messages();

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
