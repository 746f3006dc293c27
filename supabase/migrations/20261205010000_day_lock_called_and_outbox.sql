-- The day of intake: when a number was called (the console shows a called person as called), and
-- one lock for the actions of the day at the site (check in, walk-in number, calling). The outbox
-- of messages to citizens (15_messages.sql).

alter table public.bookings add column called_at timestamptz;
alter table public.walk_ins add column called_at timestamptz;

-- The shift, locked, for the actions of the day at the site (check in, hand out a number, call):
-- the one check those actions share, so that who may take them is decided in one place.
create function private.lock_day_shift(p_shift_id bigint)
returns public.shifts
language sql
set search_path = ''
as $$
  select private.lock_staff_shift(p_shift_id)
$$;
comment on function private.lock_day_shift(bigint) is
  'Locks a shift for the actions of the day at the site (check in, walk-in number, calling); refuses as lock_staff_shift.';

-- One person of the queue, booked or walked in, as the staff console shows them.
create or replace function private.queue_entry(p_shift_id bigint, p_queue_no integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('kind', 'booking', 'code', b.code, 'queue_no', b.queue_no, 'status', b.status,
                               'full_name', b.full_name, 'birth_date', b.birth_date, 'shift_id', b.shift_id,
                               'called_at', b.called_at)
     from public.bookings b where b.shift_id = p_shift_id and b.queue_no = p_queue_no),
    (select jsonb_build_object('kind', 'walk_in', 'code', null, 'queue_no', w.queue_no, 'status', w.status,
                               'full_name', null, 'birth_date', null, 'shift_id', w.shift_id,
                               'called_at', w.called_at)
     from public.walk_ins w where w.shift_id = p_shift_id and w.queue_no = p_queue_no))
$$;
comment on function private.queue_entry(bigint, integer) is 'The booking or walk-in holding a queue number in a shift.';

create or replace function public.staff_check_in(p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    select * into v_booking from public.bookings where code = private.normalize_code(p_code);
    if not found then
      perform private.refuse('not_found');
    end if;
    perform private.lock_day_shift(v_booking.shift_id);
    if v_booking.status <> 'confirmed' then
      perform private.refuse('booking_not_active', jsonb_build_object('status', v_booking.status));
    end if;
    update public.bookings set status = 'checked_in', updated_at = now() where id = v_booking.id;
    return private.queue_entry(v_booking.shift_id, v_booking.queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_check_in');
  end;
end;
$$;

create or replace function public.staff_add_walk_in(p_shift_id bigint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_queue_no integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    perform private.lock_day_shift(p_shift_id);
    update public.shifts set last_queue_no = last_queue_no + 1 where id = p_shift_id returning last_queue_no into v_queue_no;
    insert into public.walk_ins (shift_id, queue_no, created_by) values (p_shift_id, v_queue_no, (select auth.uid()));
    return private.queue_entry(p_shift_id, v_queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_add_walk_in');
  end;
end;
$$;

create or replace function public.staff_call_next(p_shift_id bigint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_next integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_shift := private.lock_day_shift(p_shift_id);
    -- The lowest number after the one being served whose holder is here (checked in).
    select min(queue_no) into v_next from (
      select queue_no from public.bookings where shift_id = p_shift_id and status = 'checked_in'
      union all
      select queue_no from public.walk_ins where shift_id = p_shift_id and status = 'checked_in'
    ) present
    where queue_no > v_shift.now_serving;
    if v_next is null then
      perform private.refuse('queue_empty', jsonb_build_object('now_serving', v_shift.now_serving));
    end if;
    update public.shifts set now_serving = v_next, now_serving_at = now() where id = p_shift_id;
    return private.queue_entry(p_shift_id, v_next);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_call_next');
  end;
end;
$$;


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
  created_at timestamptz not null default now()
);
comment on table public.outbox_messages is
  'Messages to send to citizens who agreed to them: one per event and recipient, written in the event''s transaction.';

create index outbox_messages_due_idx on public.outbox_messages (send_after) where voided_at is null;
create index outbox_messages_phone_idx on public.outbox_messages (phone);

alter table public.outbox_messages enable row level security;

-- No policy: citizens and officers never read the outbox; the sender uses the service role.
grant select, insert, update, delete on public.outbox_messages to service_role;
