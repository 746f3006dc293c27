-- The box every coordinate is checked against reaches 7°N, so that Trường Sa (down to 7.18°N, its
-- own point at 7.44°N) is in it; defined once, private.in_viet_nam.

create function private.in_viet_nam(p_lat double precision, p_lng double precision)
returns boolean
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return (p_lat is null or p_lat between 7 and 24) and (p_lng is null or p_lng between 102 and 118);
end;
$$;
comment on function private.in_viet_nam(double precision, double precision) is
  'Whether a point lies in the box around Viet Nam, islands included (null coordinates pass).';

grant execute on function private.in_viet_nam(double precision, double precision) to anon, authenticated;

alter table public.intake_sites
  drop constraint intake_sites_lat_check,
  drop constraint intake_sites_lng_check,
  add constraint intake_sites_lat_check check (private.in_viet_nam(lat, null)),
  add constraint intake_sites_lng_check check (private.in_viet_nam(null, lng));

alter table public.home_visit_requests
  drop constraint home_visit_requests_lat_check,
  drop constraint home_visit_requests_lng_check,
  add constraint home_visit_requests_lat_check check (private.in_viet_nam(lat, null)),
  add constraint home_visit_requests_lng_check check (private.in_viet_nam(null, lng));

create or replace function private.checked_site(p_site jsonb)
returns public.intake_sites
language plpgsql
stable
set search_path = ''
as $$
declare
  v_site public.intake_sites;
begin
  if jsonb_typeof(p_site) is distinct from 'object' then
    perform private.refuse('invalid_argument', '{"field": "site"}');
  end if;
  -- Each value is cast only once its type is known, in a statement of its own: Postgres does not
  -- promise to evaluate the operands of `or` in order.
  if jsonb_typeof(p_site -> 'ward_id') is distinct from 'number' or p_site ->> 'ward_id' !~ '^[0-9]{1,9}$' then
    perform private.refuse('invalid_argument', '{"field": "ward_id"}');
  end if;
  v_site.ward_id := (p_site ->> 'ward_id')::integer;
  if v_site.ward_id not in (select private.staff_scope()) then
    perform private.refuse('not_found', '{"field": "ward_id"}');
  end if;
  v_site.kind := p_site ->> 'kind';
  if v_site.kind is null or v_site.kind not in ('police_station', 'commune_hall', 'school', 'enterprise', 'other') then
    perform private.refuse('invalid_argument', '{"field": "kind"}');
  end if;
  v_site.name := btrim(p_site ->> 'name');
  if length(coalesce(v_site.name, '')) not between 3 and 200 then
    perform private.refuse('invalid_argument', '{"field": "name"}');
  end if;
  v_site.address := btrim(p_site ->> 'address');
  if length(coalesce(v_site.address, '')) not between 3 and 300 then
    perform private.refuse('invalid_argument', '{"field": "address"}');
  end if;
  if jsonb_typeof(p_site -> 'lat') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  v_site.lat := (p_site ->> 'lat')::double precision;
  if not private.in_viet_nam(v_site.lat, null) then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  if jsonb_typeof(p_site -> 'lng') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  v_site.lng := (p_site ->> 'lng')::double precision;
  if not private.in_viet_nam(null, v_site.lng) then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  -- Empty notes are stored as null: the schedules then show nothing rather than an empty line.
  v_site.access_notes := nullif(btrim(p_site ->> 'access_notes'), '');
  if length(coalesce(v_site.access_notes, '')) > 500 then
    perform private.refuse('invalid_argument', '{"field": "access_notes"}');
  end if;
  return v_site;
end;
$$;
comment on function private.checked_site(jsonb) is
  'Checks a site sent by the staff console; refuses not_found for a ward outside the officer''s scope, invalid_argument naming any other field.';


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
      if not private.in_viet_nam(v_lat, v_lng) then
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

