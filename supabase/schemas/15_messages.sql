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
