-- Schools, enterprises and agencies: they ask for a mobile session on their premises (anyone may
-- send a request, through a rate-limited function; the officers whose scope covers the ward read it
-- in the staff console and mark it handled), and a session held for one shares a sign-up link.

-- =====================================================================
-- Session requests
-- =====================================================================

create table public.organisation_requests (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('school', 'enterprise', 'agency')),
  name text not null check (length(name) between 3 and 200),
  ward_id integer not null references public.admin_units (id),
  address text not null check (length(address) between 3 and 300),
  expected_people integer not null check (expected_people between 1 and 5000),
  -- The contact person is cleared by the purge (12_retention.sql); until then name and phone are set.
  contact_name text check (length(contact_name) between 2 and 100),
  contact_phone text check (contact_phone ~ '^0[35789][0-9]{8}$'),
  contact_email text check (length(contact_email) <= 200 and contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  preferred_from date not null,
  preferred_to date not null,
  notes text check (length(notes) <= 1000),
  status text not null default 'new' check (status in ('new', 'handled')),
  created_at timestamptz not null default now(),
  handled_at timestamptz,
  purged_at timestamptz,
  campaign_id integer not null references public.campaigns (id),
  -- Null only on requests sent before the form asked for consent.
  consent_text_id text references private.consent_texts (id),
  check (preferred_to >= preferred_from),
  constraint organisation_requests_contact_until_purged
    check (purged_at is not null or (contact_name is not null and contact_phone is not null))
);
comment on table public.organisation_requests is
  'A school, enterprise or agency asking for a mobile intake session on its premises: who, where, how many, whom to call, which dates suit.';
comment on column public.organisation_requests.status is
  'new until an officer of the ward''s scope has called the organisation back and marked it handled.';
comment on column public.organisation_requests.handled_at is
  'When an officer marked the request handled (set by a trigger); the retention period runs from it.';
comment on column public.organisation_requests.purged_at is
  'When the contact person''s data was cleared by purge_personal_data.';
comment on column public.organisation_requests.campaign_id is 'The campaign the request was sent for; its ward is of the campaign''s set and province.';
comment on column public.organisation_requests.consent_text_id is
  'The consent text the contact person agreed to (the one in force the day the request was sent).';

create index organisation_requests_ward_id_created_at_idx on public.organisation_requests (ward_id, created_at desc);
create index organisation_requests_campaign_id_idx on public.organisation_requests (campaign_id);
create index organisation_requests_consent_text_id_idx on public.organisation_requests (consent_text_id);

-- The campaign a citizen's request names (by slug) and the ward it names (by code) in that
-- campaign's set, under its province: requests for a home visit (11_home_visits.sql) and for a
-- session on site both reach the officers of that ward. Whether the ward lies in the campaign is
-- private.unit_in_campaign's rule (04_sites_sessions_shifts.sql), which the tables' constraint
-- triggers hold too; here it answers with the field the person got wrong.
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
begin
  select * into v_campaign from public.campaigns where slug = p_campaign;
  if not found then
    perform private.refuse('campaign_not_found');
  end if;
  select id into v_ward_id from public.admin_units where unit_set = v_campaign.unit_set and level = 3 and code = p_ward;
  if v_ward_id is null then
    perform private.refuse('invalid_argument', '{"field": "ward"}');
  end if;
  -- A ward of another province: the person chose it on a page of another province's campaign.
  if not private.unit_in_campaign(v_ward_id, v_campaign.id) then
    perform private.refuse('ward_outside_campaign', '{"field": "ward"}');
  end if;
  return query select v_campaign.id, v_ward_id;
end;
$$;
comment on function private.campaign_ward(text, text) is
  'The campaign of a slug and the id of a ward code in its set and province; refuses campaign_not_found, invalid_argument (ward) for a code not in its set, ward_outside_campaign for a ward of another province.';

create constraint trigger organisation_requests_unit_in_campaign
  after insert or update of campaign_id, ward_id on public.organisation_requests
  for each row execute function private.check_unit_in_campaign();

insert into private.constraint_refusals (constraint_name, code) values
  ('organisation_requests_unit_in_campaign', 'unit_not_in_campaign');

alter table public.organisation_requests enable row level security;

create policy "Staff read the organisation requests of their scope"
  on public.organisation_requests for select to authenticated
  using (ward_id in (select private.staff_scope()));

-- Officers mark a request handled through staff_mark_organisation_request_handled.
revoke all on public.organisation_requests from anon, authenticated;
grant select on public.organisation_requests to authenticated;

create trigger organisation_requests_audit after update on public.organisation_requests
  for each row execute function private.audit_staff_change();

-- Officers' function writes only `status`; the time it was handled follows from it.
create function private.organisation_request_handled_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.handled_at := case when new.status = 'handled' then now() end;
  end if;
  return new;
end;
$$;
comment on function private.organisation_request_handled_at() is
  'Trigger: records when an organisation request is marked handled (cleared when it is reopened).';

create trigger organisation_requests_handled_at before update on public.organisation_requests
  for each row execute function private.organisation_request_handled_at();

create function public.staff_mark_organisation_request_handled(p_request_id bigint)
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
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    perform 1 from public.organisation_requests where id = p_request_id and ward_id in (select private.staff_scope()) for update;
    if not found then
      perform private.refuse('not_found');
    end if;
    -- Marked once: the retention period runs from the first time (handled_at, set by a trigger).
    update public.organisation_requests set status = 'handled' where id = p_request_id and status <> 'handled';
    return jsonb_build_object('ok', true, 'request_id', p_request_id, 'status', 'handled');
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_mark_organisation_request_handled');
  end;
end;
$$;
comment on function public.staff_mark_organisation_request_handled(bigint) is
  'Marks an organisation request of the officer''s scope handled (the organisation was called back).';

revoke execute on function public.staff_mark_organisation_request_handled(bigint) from public;
grant execute on function public.staff_mark_organisation_request_handled(bigint) to authenticated;

-- Strict: a request costs an officer a phone call. One office behind one address sends a few.
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('org_request', 'ip', 5, interval '1 hour'),
  ('org_request', 'phone', 3, interval '1 day');

-- Security definer: anon may add a request but read none. p_campaign is the campaign's slug,
-- p_consent the id of the consent text the contact person agreed to.
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

-- =====================================================================
-- Sign-up links
-- =====================================================================

-- A school, enterprise or agency hosting a session shares one link (the share token) with its
-- students or staff; each sign-up is a booking in that session under the same capacity rules,
-- marked with the link. Its coordinator holds a second, private token that opens the roster for the
-- identity check on the day. A session held on an organisation's premises is usually left
-- unpublished: it stays out of the public search, and only the link books it. A published session
-- takes both public bookings and link sign-ups, within the same shift capacity.
create table public.signup_links (
  id bigint generated always as identity primary key,
  session_id bigint not null references public.intake_sessions (id),
  org_name text not null check (length(org_name) between 3 and 200),
  org_kind text not null check (org_kind in ('school', 'enterprise', 'agency')),
  -- The most sign-ups the link takes (active bookings marked with it).
  places integer not null check (places between 1 and 5000),
  closes_at timestamptz not null,
  status text not null default 'active' check (status in ('active', 'paused', 'revoked')),
  -- Meant to be passed around (chat groups, posters): kept in clear so staff can show it again.
  share_token text not null unique check (share_token ~ '^[A-Za-z0-9_-]{22,64}$'),
  -- The coordinator's token opens the roster: only its hash is kept; staff see the token once.
  coordinator_token_hash bytea not null unique,
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  -- The coordinator's mobile, given by the officer when the coordinator agreed to messages about
  -- the session (called off, moved, taken off the schedule), and the language to write in.
  contact_phone text check (contact_phone ~ '^0[35789][0-9]{8}$'),
  messages_lang text check (messages_lang in ('vi', 'en')),
  check ((contact_phone is null) = (messages_lang is null))
);
comment on table public.signup_links is
  'A sign-up link an organisation shares for a session: organisation, places reserved, closing time, status, share token and the hash of the coordinator''s token.';
comment on column public.signup_links.places is
  'The most active sign-ups the link takes; the session''s shifts keep their own capacity as well.';
comment on column public.signup_links.coordinator_token_hash is
  'sha256 of the coordinator''s token, which is shown once when made and never stored.';

create index signup_links_session_id_idx on public.signup_links (session_id);
create index signup_links_created_by_idx on public.signup_links (created_by);

alter table public.signup_links enable row level security;

create policy "Staff read the sign-up links of their scope"
  on public.signup_links for select to authenticated
  using (private.session_ward(session_id) in (select private.staff_scope()));

-- Links are made and changed only through the staff functions below (tokens are made in the
-- database); staff read every column but the coordinator's hash.
revoke all on public.signup_links from anon, authenticated;
grant select (id, session_id, org_name, org_kind, places, closes_at, status, share_token, created_at)
  on public.signup_links to authenticated;

create trigger signup_links_audit after insert or update on public.signup_links
  for each row execute function private.audit_staff_change();

-- The bookings made through a link (the columns are in 05_bookings.sql).
alter table public.bookings
  add constraint bookings_signup_link_id_fkey foreign key (signup_link_id) references public.signup_links (id);

-- A person who joined through an organisation's link and then moves their booking to a public
-- session elsewhere has left the organisation's session: the booking leaves the link, so the
-- coordinator's roster no longer lists them and the link's place is free for a classmate.
create function private.leave_link_when_moved_out()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.signup_link_id is not null and not exists (
    select 1
    from public.signup_links l
    join public.shifts s on s.session_id = l.session_id
    where l.id = new.signup_link_id and s.id = new.shift_id
  ) then
    new.signup_link_id := null;
    new.org_group := null;
  end if;
  return new;
end;
$$;
comment on function private.leave_link_when_moved_out() is
  'Trigger: a booking moved to a shift outside its sign-up link''s session leaves the link (and its class or department).';

create trigger bookings_leave_link_when_moved_out before update of shift_id on public.bookings
  for each row execute function private.leave_link_when_moved_out();

insert into private.refusal_statuses (code, status) values
  ('link_not_found', 404),
  ('link_paused', 409),
  ('link_revoked', 410),
  ('link_closed', 409),
  ('link_full', 409);

-- =====================================================================
-- Joining through a link (anyone holding the share token)
-- =====================================================================

-- The link a share token opens, or null.
create function private.link_by_share_token(p_token text)
returns public.signup_links
language sql
stable
set search_path = ''
as $$
  select * from public.signup_links where share_token = p_token
$$;
comment on function private.link_by_share_token(text) is 'The sign-up link of a share token.';

-- Places taken on a link and places it can still take, from one count of its sign-ups. Security
-- invoker, so under the staff console's counts (below) the officer's RLS applies; the security
-- definer functions use it too. Takes the link's fields, not its row: staff may not read the row's
-- coordinator_token_hash.
create function private.link_places(p_link_id bigint, p_session_id bigint, p_places integer)
returns table (taken integer, places_left integer)
language sql
stable
set search_path = ''
as $$
  -- A published session's shifts also take public bookings: a link cannot promise more places
  -- than its session's bookable shifts have left.
  select t.taken, greatest(least(
    p_places - t.taken,
    (select coalesce(sum(greatest(s.capacity - s.booked, 0)), 0) from public.shifts s
     where s.session_id = p_session_id and now() < s.booking_closes_at)
  ), 0)::integer
  from (select count(*)::integer as taken from public.bookings b
        where b.signup_link_id = p_link_id and b.status <> 'cancelled') t
$$;
comment on function private.link_places(bigint, bigint, integer) is
  'Places taken on a sign-up link (its bookings that are not cancelled) and places it can still take: its own places left, at most what its session''s bookable shifts have left.';

-- Why a link takes no sign-up now, or open: revoked, paused, closed, full. p_places_left is
-- private.link_places's, which the caller has counted already.
create function private.link_state(p_link public.signup_links, p_places_left integer)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    when p_link.status = 'revoked' then 'revoked'
    when p_link.status = 'paused' then 'paused'
    when p_link.closes_at <= now()
      or exists (select 1 from public.intake_sessions s where s.id = p_link.session_id and s.cancelled_at is not null) then 'closed'
    when p_places_left = 0 then 'full'
    else 'open'
  end
$$;
comment on function private.link_state(public.signup_links, integer) is
  'open, or why a link takes no sign-up: revoked, paused, closed (past its closing time or the session called off), full (no place left on the link or in its session''s bookable shifts).';

-- A link locked for a sign-up into one of its session's shifts: refused when closed, paused,
-- revoked or full. The row lock orders concurrent sign-ups of a link, so its count of active
-- bookings (cancelled ones free their place) never passes its places. private.place_booking
-- (07_booking_engine.sql) calls it.
create function private.lock_joinable_link(p_link_id bigint, p_shift_id bigint)
returns public.signup_links
language plpgsql
set search_path = ''
as $$
declare
  v_link public.signup_links;
  v_state text;
begin
  select * into v_link from public.signup_links where id = p_link_id for update;
  if not found then
    perform private.refuse('link_not_found');
  end if;
  -- Counted once the lock is held, so the count includes every sign-up committed before.
  select private.link_state(v_link, p.places_left) into v_state
  from private.link_places(v_link.id, v_link.session_id, v_link.places) p;
  -- Each code spelled out, so that the codes a function raises can be read from its body.
  case v_state
    when 'revoked' then perform private.refuse('link_revoked');
    when 'paused' then perform private.refuse('link_paused');
    when 'closed' then perform private.refuse('link_closed');
    when 'full' then perform private.refuse('link_full');
    else null;
  end case;
  if not exists (select 1 from public.shifts where id = p_shift_id and session_id = v_link.session_id) then
    perform private.refuse('shift_not_found');
  end if;
  return v_link;
end;
$$;
comment on function private.lock_joinable_link(bigint, bigint) is
  'Locks a sign-up link and refuses link_not_found, link_revoked, link_paused, link_closed, link_full (as private.link_state), or shift_not_found for a shift of another session.';

-- Security definer: the join page reads facts of a possibly unpublished session, never a name.
create function public.signup_link_info(p_token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_link public.signup_links;
begin
  v_link := private.link_by_share_token(p_token);
  if v_link.id is null then
    perform private.raise_refusal('link_not_found');
  end if;
  return (
    select jsonb_build_object(
      'org_name', v_link.org_name,
      'org_kind', v_link.org_kind,
      'state', private.link_state(v_link, p.places_left),
      'closes_at', v_link.closes_at,
      'places_left', p.places_left,
      'min_age', c.min_age,
      'session', jsonb_build_object('date', sess.session_date, 'site_name', site.name, 'address', site.address,
                                    'access_notes', site.access_notes, 'lat', site.lat, 'lng', site.lng),
      'shifts', (
        select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
                                                     'places_left', s.capacity - s.booked,
                                                     'bookable', now() < s.booking_closes_at)
                                  order by s.starts_at), '[]'::jsonb)
        from public.shifts s where s.session_id = sess.id))
    from public.intake_sessions sess
    join public.intake_sites site on site.id = sess.site_id
    join public.campaigns c on c.id = sess.campaign_id
    cross join lateral private.link_places(v_link.id, v_link.session_id, v_link.places) p
    where sess.id = v_link.session_id);
end;
$$;
comment on function public.signup_link_info(text) is
  'What the join page shows for a share token: the organisation, whether the link takes sign-ups, places left on it, the session''s place and date and its shifts with places. Never who has joined.';

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

-- =====================================================================
-- The roster: for the coordinator's token and for staff of the unit
-- =====================================================================

create function private.link_roster(p_link public.signup_links)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'link', jsonb_build_object('id', p_link.id, 'org_name', p_link.org_name, 'org_kind', p_link.org_kind,
                               'places', p_link.places, 'places_left', p.places_left,
                               'status', p_link.status, 'state', private.link_state(p_link, p.places_left),
                               'closes_at', p_link.closes_at),
    'session', (select jsonb_build_object('date', sess.session_date, 'site_name', site.name, 'address', site.address)
                from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id
                where sess.id = p_link.session_id),
    'entries', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'code', b.code, 'queue_no', b.queue_no, 'status', b.status, 'full_name', b.full_name,
          'birth_date', b.birth_date, 'org_group', b.org_group,
          'shift', jsonb_build_object('id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
        order by s.starts_at, b.queue_no), '[]'::jsonb)
      from public.bookings b join public.shifts s on s.id = b.shift_id
      where b.signup_link_id = p_link.id))
  from private.link_places(p_link.id, p_link.session_id, p_link.places) p
$$;
comment on function private.link_roster(public.signup_links) is
  'The people signed up through a link (name, class or department, date of birth, queue number, status, shift) with the link and session.';

create function private.link_by_coordinator_token(p_token text)
returns public.signup_links
language plpgsql
stable
set search_path = ''
as $$
declare
  v_link public.signup_links;
begin
  select * into v_link from public.signup_links
  where coordinator_token_hash = private.sha256(coalesce(p_token, ''));
  if not found or v_link.status = 'revoked' then
    perform private.refuse('not_found');
  end if;
  return v_link;
end;
$$;
comment on function private.link_by_coordinator_token(text) is
  'The link a coordinator''s token opens; refuses not_found for a wrong token or a revoked link.';

-- Security definer: the coordinator is anonymous; the token is the proof.
create function public.coordinator_roster(p_token text)
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
  if not private.within_rate_limits('lookup') then
    return private.refusal('rate_limited');
  end if;
  begin
    return private.link_roster(private.link_by_coordinator_token(p_token));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'coordinator_roster');
  end;
end;
$$;
comment on function public.coordinator_roster(text) is
  'The roster of a sign-up link, for the holder of its coordinator token.';

-- Cancels one confirmed booking of a link and frees its places in the shift (and on the link).
create function private.remove_link_entry(p_link_id bigint, p_code text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings
  where code = private.normalize_code(p_code) and signup_link_id = p_link_id;
  if not found then
    perform private.refuse('not_found');
  end if;
  perform 1 from public.shifts where id = v_booking.shift_id for update;
  update public.bookings set status = 'cancelled', cancelled_at = now(), updated_at = now()
  where id = v_booking.id and status = 'confirmed';
  if not found then
    perform private.refuse('booking_not_active', jsonb_build_object('status', v_booking.status));
  end if;
  update public.shifts set booked = booked - 1 where id = v_booking.shift_id;
end;
$$;
comment on function private.remove_link_entry(bigint, text) is
  'Cancels a confirmed booking made through a link and frees its place.';

create function public.coordinator_remove_entry(p_token text, p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link public.signup_links;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_rate_limits('change', null, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    v_link := private.link_by_coordinator_token(p_token);
    perform private.remove_link_entry(v_link.id, p_code);
    return private.link_roster(v_link);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'coordinator_remove_entry');
  end;
end;
$$;
comment on function public.coordinator_remove_entry(text, text) is
  'For the coordinator: removes an entry made by mistake (cancels that booking and frees its place); returns the roster.';

-- =====================================================================
-- Staff: make, pause, resume, revoke, new coordinator token, roster
-- =====================================================================

-- 16 random bytes as base64url (22 characters): 128 bits, short enough for a QR code.
create function private.new_link_token()
returns text
language sql
volatile
set search_path = ''
as $$
  select rtrim(translate(encode(extensions.gen_random_bytes(16), 'base64'), '+/', '-_'), '=')
$$;
comment on function private.new_link_token() is 'A random 128-bit token in base64url.';

-- The link, locked, if the caller is an officer whose scope covers its session (the session's own
-- check, which locks the session too: links and sessions change rarely and briefly).
create function private.lock_staff_link(p_link_id bigint)
returns public.signup_links
language plpgsql
set search_path = ''
as $$
declare
  v_link public.signup_links;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_link from public.signup_links where id = p_link_id for update;
  if not found then
    perform private.refuse('not_found');
  end if;
  perform private.lock_staff_session(v_link.session_id);
  return v_link;
end;
$$;
comment on function private.lock_staff_link(bigint) is
  'Locks a sign-up link the signed-in officer covers; refuses not_allowed for non-staff, not_found for any other.';

create function public.staff_create_signup_link(
  p_session_id bigint,
  p_org_name text,
  p_org_kind text,
  p_places integer,
  p_closes_at timestamptz,
  p_coordinator jsonb default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.intake_sessions;
  v_coordinator_token text := private.new_link_token();
  v_link public.signup_links;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
  v_phone text := p_coordinator ->> 'phone';
  v_lang text := p_coordinator ->> 'lang';
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if v_session.cancelled_at is not null or v_session.session_date < private.today() then
      perform private.refuse('shift_unavailable');
    end if;
    -- The coordinator who agreed to messages: {"phone", "lang"}, or null.
    if p_coordinator is not null and p_coordinator <> 'null'::jsonb
       and (jsonb_typeof(p_coordinator) <> 'object' or v_phone is null or v_phone !~ '^0[35789][0-9]{8}$'
            or v_lang is null or v_lang not in ('vi', 'en')
            or exists (select 1 from jsonb_object_keys(p_coordinator) k where k not in ('phone', 'lang'))) then
      perform private.refuse('invalid_argument', '{"field": "coordinator"}');
    end if;
    if length(btrim(coalesce(p_org_name, ''))) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "org_name"}');
    end if;
    if p_org_kind is null or p_org_kind not in ('school', 'enterprise', 'agency') then
      perform private.refuse('invalid_argument', '{"field": "org_kind"}');
    end if;
    if p_places is null or p_places not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "places"}');
    end if;
    -- Sign-ups close by the end of the session's day at the latest.
    if p_closes_at is null or p_closes_at <= now()
       or p_closes_at > ((v_session.session_date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh') then
      perform private.refuse('invalid_argument', '{"field": "closes_at"}');
    end if;
    insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, share_token, coordinator_token_hash, created_by,
                                     contact_phone, messages_lang)
    values (p_session_id, btrim(p_org_name), p_org_kind, p_places, p_closes_at, private.new_link_token(),
            private.sha256(v_coordinator_token), (select auth.uid()), v_phone, v_lang)
    returning * into v_link;
    return jsonb_build_object('id', v_link.id, 'share_token', v_link.share_token, 'coordinator_token', v_coordinator_token);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_create_signup_link');
  end;
end;
$$;
comment on function public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb) is
  'Makes a sign-up link for a session of the officer''s scope, with the coordinator''s phone and language when they agreed to messages; returns the share token and, this once, the coordinator''s token.';

create function public.staff_set_signup_link_status(p_link_id bigint, p_status text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link public.signup_links;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if p_status is null or p_status not in ('active', 'paused', 'revoked') then
      perform private.refuse('invalid_argument', '{"field": "status"}');
    end if;
    v_link := private.lock_staff_link(p_link_id);
    -- Revoking is final: the tokens are out in the world; a new link gets new ones.
    if v_link.status = 'revoked' then
      perform private.refuse('link_revoked');
    end if;
    update public.signup_links set status = p_status where id = p_link_id;
    return jsonb_build_object('id', p_link_id, 'status', p_status);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_set_signup_link_status');
  end;
end;
$$;
comment on function public.staff_set_signup_link_status(bigint, text) is
  'Pauses, resumes (active) or revokes (for good) a sign-up link of the officer''s scope.';

create function public.staff_new_coordinator_token(p_link_id bigint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link public.signup_links;
  v_token text := private.new_link_token();
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_link := private.lock_staff_link(p_link_id);
    if v_link.status = 'revoked' then
      perform private.refuse('link_revoked');
    end if;
    update public.signup_links set coordinator_token_hash = private.sha256(v_token) where id = p_link_id;
    return jsonb_build_object('id', p_link_id, 'coordinator_token', v_token);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_new_coordinator_token');
  end;
end;
$$;
comment on function public.staff_new_coordinator_token(bigint) is
  'Replaces the coordinator''s token of a link (the old link stops working); returns the new token this once.';

-- The staff console's counts, counted here rather than from booking rows (PostgREST caps a read at
-- 1000 rows; a link takes up to 5000). Security invoker: RLS keeps it to the officer's scope.
create function public.staff_signup_link_counts(p_link_ids bigint[])
returns table (link_id bigint, taken integer, places_left integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select l.id, p.taken, p.places_left
  from public.signup_links l
  cross join lateral private.link_places(l.id, l.session_id, l.places) p
  where l.id = any(p_link_ids)
$$;
comment on function public.staff_signup_link_counts(bigint[]) is
  'For staff: places taken and places left of the given sign-up links of their scope (others are left out by RLS).';

create function public.staff_link_roster(p_link_id bigint)
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
  begin
    return private.link_roster(private.lock_staff_link(p_link_id));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_link_roster');
  end;
end;
$$;
comment on function public.staff_link_roster(bigint) is
  'The roster of a sign-up link of the officer''s scope, as its coordinator sees it.';

revoke execute on function public.signup_link_info(text), public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text, jsonb),
  public.coordinator_roster(text), public.coordinator_remove_entry(text, text),
  public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb), public.staff_set_signup_link_status(bigint, text),
  public.staff_new_coordinator_token(bigint), public.staff_link_roster(bigint) from public;
grant execute on function public.signup_link_info(text), public.join_signup_link(text, bigint, jsonb, text, text, boolean, text, text, jsonb),
  public.coordinator_roster(text), public.coordinator_remove_entry(text, text) to anon, authenticated;
revoke execute on function public.staff_signup_link_counts(bigint[]) from public;
grant execute on function public.staff_signup_link_counts(bigint[]), private.link_places(bigint, bigint, integer) to authenticated;
grant execute on function public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb), public.staff_set_signup_link_status(bigint, text),
  public.staff_new_coordinator_token(bigint), public.staff_link_roster(bigint) to authenticated;
