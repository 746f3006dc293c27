-- Booking speed (issue 16): the hot path of public.book_places does less per call and less while
-- the shift is locked.
-- - The same-person check looks each rule up in its own unique index; written as one condition
--   with "or", the cached generic plan read every active booking of the campaign per person.
-- - The group and the codes are made before the shift is locked; the messages are written only for
--   a person who agreed to them.
-- - booking_view, take_places, consent_text_on and the helpers every booking calls (sha256,
--   manage_token, normalize_phone, normalize_code, mask_phone, today) become PL/pgSQL, which keeps
--   plans per connection (a SQL function with its own search_path is planned again in every
--   transaction).
-- - checked_people checks a birth date before casting it instead of catching the cast's error (an
--   exception block is a subtransaction per person).
-- - bookings has no index of its own on shift_id (the unique (shift_id, queue_no) index serves), and
--   booking_groups indexes assisted_by only where an officer booked: fewer index writes per booking.
-- - The audit triggers of bookings and shifts skip calls without a signed-in user (a citizen's
--   booking), for which private.audit_staff_change logs nothing.

create or replace function private.normalize_code(p_code text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return translate(upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'ILO', '110');
end;
$$;

create or replace function private.sha256(p_value text)
returns bytea
language plpgsql
immutable
set search_path = ''
as $$
begin
  return extensions.digest(p_value, 'sha256');
end;
$$;

create or replace function private.manage_token(p_idempotency_key text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return rtrim(translate(encode(extensions.digest('manage-token:' || p_idempotency_key, 'sha256'), 'base64'), '+/', '-_'), '=');
end;
$$;

create or replace function private.normalize_phone(p_phone text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_digits text := regexp_replace(coalesce(p_phone, ''), '[\s.()+-]', '', 'g');
begin
  return case
    when v_digits ~ '^84[35789][0-9]{8}$' then '0' || substr(v_digits, 3)
    when v_digits ~ '^0[35789][0-9]{8}$' then v_digits
  end;
end;
$$;

create or replace function private.mask_phone(p_phone text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return left(p_phone, 3) || '****' || right(p_phone, 3);
end;
$$;

create or replace function private.today()
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
  return (now() at time zone 'Asia/Ho_Chi_Minh')::date;
end;
$$;

create or replace function private.consent_text_on(p_day date)
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

create or replace function private.checked_people(p_people jsonb, p_session_date date, p_min_age integer)
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
    -- Checked before the cast rather than caught after it: an exception block costs a
    -- subtransaction per person.
    v_birth := case when pg_input_is_valid(v_person ->> 'birth_date', 'date') then (v_person ->> 'birth_date')::date end;
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

create or replace function private.booking_view(p_group_id uuid, p_token text default null)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  return (select jsonb_build_object(
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
  where g.id = p_group_id);
end;
$$;

create or replace function private.take_places(p_shift_id bigint, p_places integer)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_first_no integer;
begin
  update public.shifts
  set booked = booked + p_places, last_queue_no = last_queue_no + p_places
  where id = p_shift_id and booked + p_places <= capacity
  returning last_queue_no - p_places + 1 into v_first_no;
  return v_first_no;
end;
$$;

create or replace function private.place_booking(
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
  v_idempotency_hash bytea := private.sha256(p_idempotency_key);
  v_token text := private.manage_token(p_idempotency_key);
  v_first_no integer;
  v_person jsonb;
  v_code text;
  v_codes text[] := '{}';
  v_index integer := 0;
begin
  -- What was asked for; a link sign-up adds its own fields, so a public booking's hash is as before.
  v_request_hash := private.sha256(p_shift_id::text || '|' || p_phone || '|' || coalesce(p_people::text, '')
                                   || coalesce('|' || p_link::text, ''));

  -- One booking at a time per phone number: the phone limit and a replay are then decided on
  -- what the previous call committed.
  perform pg_advisory_xact_lock(hashtextextended('book_places:' || p_phone, 0));

  select * into v_group from public.booking_groups where idempotency_hash = v_idempotency_hash;
  if found then
    if v_group.request_hash <> v_request_hash then
      perform private.refuse('idempotency_conflict');
    end if;
    return private.booking_view(v_group.id, v_token);
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
  -- Two lookups, one per unique index that holds the rule: written as one condition with "or",
  -- the cached plan reads every active booking of the campaign.
  for v_person in select value from jsonb_array_elements(v_people) loop
    if exists (
      select 1 from public.bookings b
      where b.campaign_id = v_campaign.id and b.status in ('confirmed', 'checked_in')
        and b.id_number = (v_person ->> 'id_number')
    ) or exists (
      select 1 from public.bookings b
      where b.campaign_id = v_campaign.id and b.status in ('confirmed', 'checked_in')
        and b.name_key = lower(v_person ->> 'full_name') and b.birth_date = (v_person ->> 'birth_date')::date
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

  insert into public.booking_groups (campaign_id, contact_phone, token_hash, idempotency_hash, request_hash, consent_at, consent_text_id,
                                     messages_lang, messages_email)
  values (v_campaign.id, p_phone, private.sha256(v_token), v_idempotency_hash, v_request_hash, now(), v_consent,
          v_messages ->> 'lang', v_messages ->> 'email')
  returning * into v_group;

  -- 40 random bits: a collision is rare, and the unique constraint backs this check.
  for v_index in 1..v_places loop
    loop
      v_code := private.new_booking_code();
      exit when not exists (select 1 from public.bookings where code = v_code) and v_code <> all (v_codes);
    end loop;
    v_codes := v_codes || v_code;
  end loop;

  v_shift := private.lock_shift_for_booking(p_shift_id, v_places, p_link is not null);
  v_first_no := private.take_places(p_shift_id, v_places);

  insert into public.bookings (group_id, campaign_id, shift_id, code, queue_no, full_name, birth_date, id_number,
                               application_kind, signup_link_id, org_group, guardian_consent_at)
  select v_group.id, v_campaign.id, p_shift_id, v_codes[p.ordinality], v_first_no + p.ordinality::integer - 1,
         p.value ->> 'full_name', (p.value ->> 'birth_date')::date, p.value ->> 'id_number',
         p.value ->> 'application_kind', v_link.id, p_link ->> 'org_group',
         case when (p_link ->> 'guardian_consent')::boolean then now() end
  from jsonb_array_elements(v_people) with ordinality as p;
  if v_messages is not null then
    perform private.write_booking_messages(v_group.id);
  end if;

  return private.booking_view(v_group.id, v_token);
end;
$$;

drop trigger bookings_audit on public.bookings;
create trigger bookings_audit after insert or update on public.bookings
  for each row when (auth.uid() is not null) execute function private.audit_staff_change();

drop trigger shifts_audit on public.shifts;
create trigger shifts_audit after insert or update or delete on public.shifts
  for each row when (auth.uid() is not null) execute function private.audit_staff_change();

drop index public.bookings_shift_id_idx;
drop index public.booking_groups_assisted_by_idx;
create index booking_groups_assisted_by_idx on public.booking_groups (assisted_by) where assisted_by is not null;
