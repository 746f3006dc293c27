-- The booking engine: what citizens do with bookings (book places in a shift, look a booking up,
-- cancel it, move it). Public bookings and link sign-ups (06_organisations.sql) both place people
-- through private.place_booking. The public functions are security definer because anon must write
-- tables it cannot read: they check every argument, take the rate limits, and answer refusals with
-- a stable code (private.refusal).

-- =====================================================================
-- What a citizen sees
-- =====================================================================

-- What a citizen sees of a booking group: each person's code, queue number and status, the
-- organisation of a link sign-up (moving to a public shift takes the person off its list; see
-- private.leave_link_when_moved_out), with the shift, session and site they are booked in, and
-- whether the session's campaign is a demonstration (the ticket says so). Never the ID number; the
-- phone only masked.
create function private.booking_view(p_group_id uuid, p_token text default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'ok', true,
    'token', p_token,
    'phone_masked', private.mask_phone(g.contact_phone),
    'bookings', (
      select jsonb_agg(jsonb_build_object(
          'code', b.code,
          'queue_no', b.queue_no,
          'status', b.status,
          'full_name', b.full_name,
          'application_kind', b.application_kind,
          'organisation', (select l.org_name from public.signup_links l where l.id = b.signup_link_id),
          'shift', jsonb_build_object('id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at),
          'session', jsonb_build_object('id', sess.id, 'date', sess.session_date,
            'cancelled_at', sess.cancelled_at, 'cancel_reason', sess.cancel_reason,
            'demonstration', c.demonstration),
          'site', jsonb_build_object('id', site.id, 'name', site.name, 'kind', site.kind,
            'address', site.address, 'access_notes', site.access_notes, 'lat', site.lat, 'lng', site.lng))
        order by b.status = 'cancelled', s.starts_at, b.queue_no)
      from public.bookings b
      join public.shifts s on s.id = b.shift_id
      join public.intake_sessions sess on sess.id = s.session_id
      join public.campaigns c on c.id = sess.campaign_id
      join public.intake_sites site on site.id = sess.site_id
      where b.group_id = g.id)
  )
  from public.booking_groups g
  where g.id = p_group_id
$$;
comment on function private.booking_view(uuid, text) is
  'The JSON a citizen gets back for a booking group: people, codes, queue numbers, shift, session (with its campaign''s demonstration flag) and site.';

-- =====================================================================
-- Places in a shift
-- =====================================================================

-- A shift locked for a change of its places, refused when it cannot take them; a link sign-up may
-- book a session that is not published.
create function private.lock_shift_for_booking(p_shift_id bigint, p_places integer, p_unpublished_ok boolean)
returns public.shifts
language plpgsql
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_session public.intake_sessions;
begin
  select * into v_shift from public.shifts where id = p_shift_id for update;
  if not found then
    perform private.refuse('shift_not_found');
  end if;
  select * into v_session from public.intake_sessions where id = v_shift.session_id;
  if (not v_session.published and not p_unpublished_ok) or v_session.cancelled_at is not null then
    perform private.refuse('shift_unavailable');
  end if;
  if now() >= v_shift.booking_closes_at then
    perform private.refuse('shift_past');
  end if;
  if v_shift.booked + p_places > v_shift.capacity then
    perform private.refuse('shift_full', jsonb_build_object('places_left', v_shift.capacity - v_shift.booked));
  end if;
  return v_shift;
end;
$$;
comment on function private.lock_shift_for_booking(bigint, integer, boolean) is
  'Locks a shift row and refuses when it is unknown, cancelled, past, lacks p_places places, or unpublished (unless p_unpublished_ok).';

-- The same for a public booking or move: published sessions only.
create function private.lock_bookable_shift(p_shift_id bigint, p_places integer)
returns public.shifts
language sql
set search_path = ''
as $$
  select private.lock_shift_for_booking(p_shift_id, p_places, false)
$$;
comment on function private.lock_bookable_shift(bigint, integer) is
  'Locks a shift row and refuses when it is unknown, unpublished, cancelled, past or lacks p_places places.';

-- Places p_places people in a locked shift: the capacity check and the queue numbers happen in
-- one statement on the locked row. Returns the first of the new queue numbers.
create function private.take_places(p_shift_id bigint, p_places integer)
returns integer
language sql
set search_path = ''
as $$
  update public.shifts
  set booked = booked + p_places, last_queue_no = last_queue_no + p_places
  where id = p_shift_id and booked + p_places <= capacity
  returning last_queue_no - p_places + 1
$$;
comment on function private.take_places(bigint, integer) is
  'Adds p_places to a shift''s booked count within its capacity and hands out the next queue numbers.';

-- =====================================================================
-- Book
-- =====================================================================

-- The group a code opens, when the caller proves it with the phone number or the manage token.
-- A wrong code and a wrong phone get the same refusal.
create function private.authorized_group(p_code text, p_phone text, p_token text)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_code text := private.normalize_code(p_code);
  v_phone text := private.normalize_phone(p_phone);
  v_group_id uuid;
begin
  if not private.is_valid_code(v_code) then
    perform private.refuse('invalid_code');
  end if;
  select g.id into v_group_id
  from public.bookings b
  join public.booking_groups g on g.id = b.group_id
  where b.code = v_code
    and ((p_token is not null and g.token_hash = private.sha256(p_token))
      or (v_phone is not null and g.contact_phone = v_phone));
  if v_group_id is null then
    perform private.refuse('not_found');
  end if;
  return v_group_id;
end;
$$;
comment on function private.authorized_group(text, text, text) is
  'The booking group of a code, if the phone or manage token matches; refuses not_found otherwise.';

-- Checks and normalises the people of a booking request; refuses with the index of the person.
create function private.checked_people(p_people jsonb, p_session_date date, p_min_age integer)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_person jsonb;
  v_name text;
  v_birth date;
  v_id text;
  v_kind text;
  v_result jsonb := '[]'::jsonb;
  v_index integer := 0;
begin
  if jsonb_typeof(p_people) is distinct from 'array' or jsonb_array_length(p_people) not between 1 and 5 then
    perform private.refuse('invalid_people');
  end if;
  for v_person in select value from jsonb_array_elements(p_people) loop
    if jsonb_typeof(v_person) is distinct from 'object' then
      perform private.refuse('invalid_people', jsonb_build_object('person', v_index));
    end if;
    -- Composed Unicode (some phone keyboards send a tone mark as a separate character) and the
    -- typographic apostrophe as a plain one, so the same name is always stored the same way.
    v_name := regexp_replace(btrim(normalize(replace(coalesce(v_person ->> 'full_name', ''), '’', ''''), nfc)), '\s+', ' ', 'g');
    -- Letters of any script (Vietnamese with its tone marks, ethnic-minority names), spaces,
    -- apostrophes, dots and hyphens.
    if length(v_name) not between 2 and 100 or v_name !~ '^[[:alpha:]][[:alpha:] .''-]*$' then
      perform private.refuse('invalid_name', jsonb_build_object('person', v_index));
    end if;
    begin
      v_birth := (v_person ->> 'birth_date')::date;
    exception when others then
      v_birth := null;
    end;
    if v_birth is null or v_birth < date '1900-01-01' or v_birth > private.today() then
      perform private.refuse('invalid_birth_date', jsonb_build_object('person', v_index));
    end if;
    v_id := nullif(regexp_replace(coalesce(v_person ->> 'id_number', ''), '\s', '', 'g'), '');
    if v_id is not null and not private.is_valid_id_number(v_id, v_birth) then
      perform private.refuse('invalid_id_number', jsonb_build_object('person', v_index));
    end if;
    v_kind := v_person ->> 'application_kind';
    if v_kind is null or v_kind not in ('first_issue', 'conversion', 'change', 'reissue') then
      perform private.refuse('invalid_application_kind', jsonb_build_object('person', v_index));
    end if;
    if extract(year from age(p_session_date, v_birth)) < p_min_age then
      perform private.refuse('too_young', jsonb_build_object('person', v_index, 'min_age', p_min_age));
    end if;
    if exists (
      select 1 from jsonb_array_elements(v_result) other
      where (other ->> 'id_number' = v_id)
         or (lower(other ->> 'full_name') = lower(v_name) and (other ->> 'birth_date')::date = v_birth)
    ) then
      perform private.refuse('duplicate_person', jsonb_build_object('person', v_index));
    end if;
    v_result := v_result || jsonb_build_array(jsonb_build_object(
      'full_name', v_name, 'birth_date', v_birth, 'id_number', v_id, 'application_kind', v_kind));
    v_index := v_index + 1;
  end loop;
  return v_result;
end;
$$;
comment on function private.checked_people(jsonb, date, integer) is
  'Validates and normalises 1–5 people of a booking request; refuses with the index of the first bad one.';

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

-- =====================================================================
-- Assisted booking
-- =====================================================================

-- An officer books for a person who phones the commune or comes to the office, with the person's
-- phone or a relative's: the same engine and rules as book_places (capacity, queue numbers, the
-- same person, the phone's limit, the consent text the person agreed to, read out to them). The
-- officer's scope stands in for the per-address rate limit, which a commune office booking for a
-- queue of people from one address would hit. The booking group records the officer
-- (assisted_by), and the bookings' audit trigger logs each new booking under their name. The
-- answer leaves out the manage token: the person's private link is theirs, not the office's (the
-- ticket's code and phone open the booking). p_messages, the person's agreement to messages,
-- reaches private.place_booking once it takes it (issue 15, part F).
create function public.staff_book_places(
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
  v_answer jsonb;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    -- Not locked here: the engine locks the shift after the phone, the order every booking takes.
    if not exists (select 1 from public.shifts s
                   where s.id = p_shift_id and private.session_ward(s.session_id) in (select private.staff_scope())) then
      perform private.refuse('not_found');
    end if;
    if p_idempotency_key is null or p_idempotency_key !~ '^[A-Za-z0-9_-]{22,64}$' then
      perform private.refuse('invalid_idempotency_key');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    v_answer := private.place_booking(p_shift_id, p_people, v_phone, p_idempotency_key, p_consent, null, p_messages);
    -- The group this call made (created in this transaction), not one a replay returned.
    update public.booking_groups set assisted_by = (select auth.uid())
    where idempotency_hash = private.sha256(p_idempotency_key) and created_at = now();
    return v_answer || '{"token": null}';
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_book_places');
  end;
end;
$$;
comment on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) is
  'An officer books 1–5 people into a shift of their scope for them, through the same engine as book_places, recorded as assisted by the officer and audited; answers without the manage token. Replays of the same idempotency key return the first result.';

-- =====================================================================
-- Look up, cancel, move
-- =====================================================================

create function public.lookup_booking(p_code text, p_phone text default null, p_token text default null)
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
  if not private.within_proof_limits('lookup', p_phone, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    return private.booking_view(private.authorized_group(p_code, p_phone, p_token));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    perform private.count_failed_proof(v_sqlstate, v_message);
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'lookup_booking');
  end;
end;
$$;
comment on function public.lookup_booking(text, text, text) is
  'A booking group, for the holder of one of its codes and its phone number or manage token.';

-- The bookings of a group that a change applies to: the confirmed ones, or those of p_codes.
create function private.changeable_bookings(p_group_id uuid, p_codes text[])
returns setof public.bookings
language sql
stable
set search_path = ''
as $$
  select b.*
  from public.bookings b
  where b.group_id = p_group_id
    and b.status = 'confirmed'
    and (p_codes is null or b.code in (select private.normalize_code(c) from unnest(p_codes) c))
  order by b.shift_id, b.queue_no
$$;
comment on function private.changeable_bookings(uuid, text[]) is
  'The confirmed bookings of a group, or those among p_codes, in a stable order.';

create function public.cancel_booking(p_code text, p_phone text default null, p_token text default null, p_codes text[] default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_group_id uuid;
  v_shift record;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_proof_limits('change', p_phone, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    v_group_id := private.authorized_group(p_code, p_phone, p_token);
    if not exists (select 1 from private.changeable_bookings(v_group_id, p_codes)) then
      perform private.refuse('nothing_to_change');
    end if;
    -- Shifts are locked in id order, as everywhere, so concurrent changes cannot deadlock.
    for v_shift in
      select b.shift_id, count(*)::integer as places
      from private.changeable_bookings(v_group_id, p_codes) b
      group by b.shift_id order by b.shift_id
    loop
      perform 1 from public.shifts where id = v_shift.shift_id for update;
      update public.shifts set booked = booked - v_shift.places where id = v_shift.shift_id;
    end loop;
    update public.bookings b
    set status = 'cancelled', cancelled_at = now(), updated_at = now()
    where b.id in (select c.id from private.changeable_bookings(v_group_id, p_codes) c);
    return private.booking_view(v_group_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    perform private.count_failed_proof(v_sqlstate, v_message);
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'cancel_booking');
  end;
end;
$$;
comment on function public.cancel_booking(text, text, text, text[]) is
  'Cancels the confirmed bookings of a group (or those of p_codes) and frees their places.';

create function public.move_booking(
  p_code text,
  p_shift_id bigint,
  p_phone text default null,
  p_token text default null,
  p_codes text[] default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_group_id uuid;
  v_target_campaign integer;
  v_moving integer;
  v_first_no integer;
  v_source record;
  v_booking public.bookings;
  v_index integer := 0;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  if not private.within_proof_limits('change', p_phone, p_code) then
    return private.refusal('rate_limited');
  end if;
  begin
    v_group_id := private.authorized_group(p_code, p_phone, p_token);
    select count(*) filter (where b.shift_id <> p_shift_id) into v_moving
    from private.changeable_bookings(v_group_id, p_codes) b;
    if not exists (select 1 from private.changeable_bookings(v_group_id, p_codes)) then
      perform private.refuse('nothing_to_change');
    end if;
    -- Already there (a replay of a move whose answer was lost): nothing to do.
    if v_moving = 0 then
      return private.booking_view(v_group_id);
    end if;
    select sess.campaign_id into v_target_campaign
    from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
    where s.id = p_shift_id;
    if not found then
      perform private.refuse('shift_not_found');
    end if;
    if exists (select 1 from private.changeable_bookings(v_group_id, p_codes) b where b.campaign_id <> v_target_campaign) then
      perform private.refuse('different_campaign');
    end if;

    -- Lock every shift involved in id order, then free the old places and take the new ones.
    perform 1 from public.shifts
    where id = p_shift_id or id in (select b.shift_id from private.changeable_bookings(v_group_id, p_codes) b)
    order by id for update;
    perform private.lock_bookable_shift(p_shift_id, v_moving);
    for v_source in
      select b.shift_id, count(*)::integer as places
      from private.changeable_bookings(v_group_id, p_codes) b
      where b.shift_id <> p_shift_id
      group by b.shift_id
    loop
      update public.shifts set booked = booked - v_source.places where id = v_source.shift_id;
    end loop;
    v_first_no := private.take_places(p_shift_id, v_moving);
    for v_booking in select * from private.changeable_bookings(v_group_id, p_codes) b where b.shift_id <> p_shift_id loop
      update public.bookings
      set shift_id = p_shift_id, queue_no = v_first_no + v_index, updated_at = now()
      where id = v_booking.id;
      v_index := v_index + 1;
    end loop;
    return private.booking_view(v_group_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    perform private.count_failed_proof(v_sqlstate, v_message);
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'move_booking');
  end;
end;
$$;
comment on function public.move_booking(text, bigint, text, text, text[]) is
  'Moves the confirmed bookings of a group (or those of p_codes) to another shift of the campaign, all or none; the old places are freed.';

revoke execute on function public.book_places(bigint, jsonb, text, text, text, jsonb) from public;
revoke execute on function public.lookup_booking(text, text, text) from public;
revoke execute on function public.cancel_booking(text, text, text, text[]) from public;
revoke execute on function public.move_booking(text, bigint, text, text, text[]) from public;
grant execute on function public.book_places(bigint, jsonb, text, text, text, jsonb) to anon, authenticated;
grant execute on function public.lookup_booking(text, text, text) to anon, authenticated;
grant execute on function public.cancel_booking(text, text, text, text[]) to anon, authenticated;
grant execute on function public.move_booking(text, bigint, text, text, text[]) to anon, authenticated;
revoke execute on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) from public;
grant execute on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) to authenticated;
