-- Bookings: people placed in a shift. Personal data lives here and nowhere else; no API role can
-- write these tables, and anon cannot read them: citizens go through the booking engine
-- (07_booking_engine.sql), which checks a code plus a phone number or manage token; officers read
-- the bookings of their scope. Consent is here too: the text a person agreed to, by the law in force
-- on the day, which bookings, home visits (11_home_visits.sql) and organisation requests
-- (06_organisations.sql) record.

-- =====================================================================
-- Consent: the text in force on the day
-- =====================================================================

-- The consent and privacy texts the forms show follow the law on personal data in force on the day
-- consent is given: Decree 13/2023/NĐ-CP until the Personal Data Protection Law 91/2025/QH15 took
-- over on 1 January 2026. The site holds the same rows, with the texts, in
-- src/content/law/consent-texts.json (tests/db/consent.test.ts checks that both agree).
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

-- PL/pgSQL, which keeps its plan per connection: every booking asks (a SQL function with its own
-- search_path is planned again in each transaction).
create function private.consent_text_on(p_day date)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
  return (select t.id from private.consent_texts t
          where t.valid_from <= p_day and (t.valid_to is null or p_day <= t.valid_to)
          order by t.valid_from desc
          limit 1);
end;
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

-- =====================================================================
-- Booking groups and bookings
-- =====================================================================

-- One submission of the booking form: who to contact, the manage token (hashed), the
-- idempotency key (hashed) and the consent. Each person of the submission is a row of bookings.
create table public.booking_groups (
  id uuid primary key default gen_random_uuid(),
  campaign_id integer not null references public.campaigns (id),
  contact_phone text check (contact_phone ~ '^0[35789][0-9]{8}$'),
  token_hash bytea not null constraint booking_groups_token_hash_key unique,
  idempotency_hash bytea not null constraint booking_groups_idempotency_hash_key unique,
  -- A hash of what was asked for, so a key replayed with a different request is refused.
  request_hash bytea not null,
  consent_at timestamptz not null,
  created_at timestamptz not null default now(),
  purged_at timestamptz,
  consent_text_id text not null references private.consent_texts (id),
  check ((contact_phone is null) = (purged_at is not null)),
  -- Agreement to messages (private.checked_messages): the language to write in; null when the
  -- person did not agree. An e-mail address only with it.
  messages_lang text check (messages_lang in ('vi', 'en')),
  messages_email private.email_address,
  constraint booking_groups_messages_email_agreed check (messages_email is null or messages_lang is not null),
  assisted_by uuid references auth.users (id)
);
comment on table public.booking_groups is
  'One booking submission (1 to 5 people): contact phone, hashed manage token, hashed idempotency key, consent.';
comment on column public.booking_groups.token_hash is
  'sha256 of the manage token carried by the booking link and QR code; the token itself is never stored.';
comment on column public.booking_groups.consent_text_id is
  'The consent text the person agreed to at consent_at (the one in force that day).';
comment on column public.booking_groups.messages_lang is
  'The language of messages about the booking, when the person agreed to them at consent_at; null: no messages.';
comment on column public.booking_groups.messages_email is 'An e-mail address to send the messages to as well.';
comment on column public.booking_groups.assisted_by is
  'The officer who booked for the person (public.staff_book_places); null when the person booked themselves.';

create index booking_groups_campaign_id_phone_idx on public.booking_groups (campaign_id, contact_phone);
create index booking_groups_consent_text_id_idx on public.booking_groups (consent_text_id);
-- Only assisted bookings name an officer: the index holds those rows alone, so a citizen's booking
-- does not write to it.
create index booking_groups_assisted_by_idx on public.booking_groups (assisted_by) where assisted_by is not null;

create table public.bookings (
  id bigint generated always as identity primary key,
  group_id uuid not null references public.booking_groups (id),
  campaign_id integer not null references public.campaigns (id),
  shift_id bigint not null references public.shifts (id),
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{9}$'),
  queue_no integer not null check (queue_no > 0),
  status text not null default 'confirmed'
    check (status in ('confirmed', 'checked_in', 'served', 'no_show', 'cancelled')),
  full_name text check (length(full_name) between 2 and 100),
  birth_date date,
  id_number text check (id_number ~ '^([0-9]{9}|[0-9]{12})$'),
  application_kind text not null check (application_kind in ('first_issue', 'conversion', 'change', 'reissue')),
  -- The name as compared for "the same person": case and spacing ignored, diacritics kept
  -- (Vietnamese names that differ only by a tone mark are different names).
  name_key text generated always as (lower(regexp_replace(btrim(full_name), '\s+', ' ', 'g'))) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz,
  purged_at timestamptz,
  -- A sign-up through an organisation's link (its foreign key is in 06_organisations.sql, where
  -- public.signup_links is made).
  signup_link_id bigint,
  org_group text check (length(org_group) between 1 and 100),
  guardian_consent_at timestamptz,
  -- When the number was last called at the site (staff_call_next and the like): the console shows
  -- a called person as called, not waiting.
  called_at timestamptz,
  unique (shift_id, queue_no),
  check ((full_name is null) = (purged_at is not null)),
  check ((birth_date is null) = (purged_at is not null)),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
comment on table public.bookings is
  'A person''s place in a shift: booking code, queue number, status, and the personal data the officers need.';
comment on column public.bookings.queue_no is
  'The order of arrival in the shift, for calling people; never a credential.';
comment on column public.bookings.signup_link_id is 'The sign-up link the person joined through, if any.';
comment on column public.bookings.org_group is 'The class (school) or department (enterprise, agency) given when joining through a link.';
comment on column public.bookings.guardian_consent_at is
  'When a parent or guardian''s consent was given, for a student under 18 (the group''s contact phone is the guardian''s).';

create index bookings_group_id_idx on public.bookings (group_id);
-- No index of its own on shift_id: the unique (shift_id, queue_no) index finds a shift's bookings,
-- and every booking then writes one index fewer.
create index bookings_signup_link_id_idx on public.bookings (signup_link_id) where signup_link_id is not null;

-- The same person holds at most one active booking in a campaign: by ID number, and by name and
-- date of birth. The indexes make this hold under concurrency; the functions check first to give
-- a clear answer.
create unique index bookings_one_active_per_id_number
  on public.bookings (campaign_id, id_number)
  where status in ('confirmed', 'checked_in') and id_number is not null;
create unique index bookings_one_active_per_name_and_birth_date
  on public.bookings (campaign_id, name_key, birth_date)
  where status in ('confirmed', 'checked_in');

-- What the loser of a race answers: the same person booked twice at once is already booked; the
-- same idempotency key sent with two phones at once (each phone's calls are serialised, the key's
-- are not) is a key replayed with another request. The token is derived from the key, so its
-- index is met first.
insert into private.constraint_refusals (constraint_name, code) values
  ('bookings_one_active_per_id_number', 'already_booked'),
  ('bookings_one_active_per_name_and_birth_date', 'already_booked'),
  ('booking_groups_token_hash_key', 'idempotency_conflict'),
  ('booking_groups_idempotency_hash_key', 'idempotency_conflict');

alter table public.booking_groups enable row level security;
alter table public.bookings enable row level security;

-- No API role writes these tables and anon reads none: citizens use the security definer
-- functions of the booking engine; officers read the rows of their scope, without the hashes.
revoke all on public.booking_groups, public.bookings from anon, authenticated;
create policy "Staff read the bookings of their scope"
  on public.bookings for select to authenticated
  using ((select private.session_ward(s.session_id) from public.shifts s where s.id = bookings.shift_id) in (select private.staff_scope()));
create policy "Staff read the contacts of bookings in their scope"
  on public.booking_groups for select to authenticated
  using (exists (
    select 1 from public.bookings b join public.shifts s on s.id = b.shift_id
    where b.group_id = booking_groups.id and private.session_ward(s.session_id) in (select private.staff_scope())));
grant select (id, group_id, campaign_id, shift_id, code, queue_no, status, full_name, birth_date, id_number, application_kind,
              created_at, updated_at, cancelled_at, signup_link_id, org_group, guardian_consent_at)
  on public.bookings to authenticated;
grant select (id, campaign_id, contact_phone, created_at, assisted_by) on public.booking_groups to authenticated;

-- Inserts too: a booking an officer makes for a person (assisted booking) is a staff change. A
-- call without a signed-in user (every citizen's booking) is no staff change: the condition skips
-- the trigger's work for it, as private.audit_staff_change would find no staff member.
create trigger bookings_audit after insert or update on public.bookings
  for each row when (auth.uid() is not null) execute function private.audit_staff_change();
