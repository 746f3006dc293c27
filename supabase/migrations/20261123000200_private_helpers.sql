-- The private schema: helpers and bookkeeping that PostgREST does not expose. Only the functions
-- in public that need them run with the rights to reach them.

create schema private;
comment on schema private is
  'Internals of the booking engine: rate-limit counters and helper functions. Not exposed by the API.';

-- Functions are executable by PUBLIC unless revoked: here nothing is, until granted one by one.
alter default privileges in schema private revoke execute on functions from public;

-- =====================================================================
-- Errors the site can translate
-- =====================================================================

-- Citizen functions answer a refusal with an HTTP status and a stable code instead of raising:
-- the transaction then commits, so the rate-limit counters taken before the refusal are kept.
-- PostgREST sends the returned object as the error body, which supabase-js reads as `error`.
create function private.refusal(p_code text, p_details jsonb default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_status integer := case
    when p_code = 'rate_limited' then 429
    when p_code in ('not_found', 'shift_not_found', 'campaign_not_found') then 404
    when p_code = 'not_allowed' then 403
    when p_code in ('shift_full', 'shift_unavailable', 'shift_past', 'already_booked', 'phone_limit',
                    'idempotency_conflict', 'nothing_to_change', 'different_campaign',
                    'booking_not_active', 'queue_empty', 'session_has_bookings', 'session_exists') then 409
    when p_code = 'unexpected' then 500
    else 400
  end;
begin
  perform set_config('response.status', v_status::text, true);
  -- details is JSON in a string, as in every PostgREST error (supabase-js types it as a string).
  return jsonb_build_object('code', p_code, 'message', p_code, 'details', p_details::text, 'hint', null);
end;
$$;
comment on function private.refusal(text, jsonb) is
  'Sets the HTTP status for a refusal code and returns the error body {code, message, details, hint}.';

-- Raised inside a citizen function and turned into a refusal by its handler.
create function private.refuse(p_code text, p_details jsonb default null)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_code, detail = coalesce(p_details::text, '');
end;
$$;
comment on function private.refuse(text, jsonb) is
  'Aborts the current block with a refusal code; the calling function''s handler answers it.';

-- =====================================================================
-- The caller, as PostgREST describes the request
-- =====================================================================

create function private.client_ip()
returns text
language sql
stable
set search_path = ''
as $$
  -- The gateway in front of PostgREST sets X-Forwarded-For to the address it saw. Direct SQL
  -- callers (tests, jobs) have no request headers and share one bucket.
  select coalesce(
    nullif(trim(split_part(
      nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ',', 1)), ''),
    'direct')
$$;
comment on function private.client_ip() is
  'The client address the API gateway saw (first X-Forwarded-For entry), or ''direct'' outside a request.';

-- =====================================================================
-- Rate limits
-- =====================================================================

create table private.rate_limit_rules (
  action text not null,
  scope text not null check (scope in ('ip', 'phone', 'code')),
  max_hits integer not null check (max_hits > 0),
  period interval not null check (period > interval '0'),
  primary key (action, scope)
);
comment on table private.rate_limit_rules is
  'How many calls of an action one client IP, phone number or booking code may make per period.';

-- Generous per IP: many phones share one carrier-grade NAT address in Vietnam.
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('book', 'ip', 60, interval '10 minutes'),
  ('book', 'phone', 10, interval '1 hour'),
  ('lookup', 'ip', 120, interval '10 minutes'),
  ('lookup', 'phone', 30, interval '1 hour'),
  ('lookup', 'code', 20, interval '1 hour'),
  ('change', 'ip', 60, interval '10 minutes'),
  ('change', 'code', 20, interval '1 hour');

-- One row per call: inserts never wait on each other, so a busy address (a carrier NAT with
-- many phones behind it) does not queue its callers behind one counter row.
create table private.rate_limit_hits (
  id bigint generated always as identity primary key,
  action text not null,
  scope text not null,
  subject text not null,
  at timestamptz not null default now()
);
comment on table private.rate_limit_hits is
  'One row per rate-limited call: action, scope, subject (hashed) and time; rows older than a day are purged.';

create index rate_limit_hits_lookup_idx on private.rate_limit_hits (action, scope, subject, at);

-- Counts one call and tells whether the subject is still inside its limit over the last period
-- (a sliding window). Subjects are stored hashed so the counters hold no phone numbers.
create function private.take_rate(p_action text, p_scope text, p_subject text)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_rule private.rate_limit_rules;
  v_subject text;
  v_hits integer;
begin
  select * into v_rule from private.rate_limit_rules where action = p_action and scope = p_scope;
  if not found or p_subject is null then
    return true;
  end if;
  v_subject := encode(extensions.digest(p_subject, 'sha256'), 'hex');
  insert into private.rate_limit_hits (action, scope, subject) values (p_action, p_scope, v_subject);
  -- Counting stops one past the limit, so a busy subject costs no more than a quiet one.
  select count(*) into v_hits
  from (
    select 1 from private.rate_limit_hits
    where action = p_action and scope = p_scope and subject = v_subject and at > now() - v_rule.period
    limit v_rule.max_hits + 1
  ) as recent;
  return v_hits <= v_rule.max_hits;
end;
$$;
comment on function private.take_rate(text, text, text) is
  'Counts a call of p_action by p_subject; false once the calls of the last period exceed the rule''s limit.';

-- =====================================================================
-- Distances and codes
-- =====================================================================

create function private.distance_km(p_lat1 double precision, p_lng1 double precision,
                                    p_lat2 double precision, p_lng2 double precision)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  -- Haversine on a 6371 km sphere: close enough for "which session is nearer".
  select 2 * 6371 * asin(sqrt(
    power(sin(radians(p_lat2 - p_lat1) / 2), 2)
    + cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lng2 - p_lng1) / 2), 2)))
$$;
comment on function private.distance_km(double precision, double precision, double precision, double precision) is
  'Great-circle distance in km between two points.';

-- Crockford's base32 alphabet (no I, L, O, U). The check character is Luhn mod 32 over it, so it
-- stays in the same readable alphabet (Crockford's own check symbols add * ~ $ = U, hard to say
-- over the phone). src/domain/booking-code.ts implements the same check for the site.
create function private.code_check_char(p_body text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  v_factor integer := 2;
  v_sum integer := 0;
  v_addend integer;
begin
  for i in reverse length(p_body)..1 loop
    v_addend := v_factor * (strpos(v_alphabet, substr(p_body, i, 1)) - 1);
    v_factor := case when v_factor = 2 then 1 else 2 end;
    v_sum := v_sum + (v_addend / 32) + (v_addend % 32);
  end loop;
  return substr(v_alphabet, ((32 - (v_sum % 32)) % 32) + 1, 1);
end;
$$;
comment on function private.code_check_char(text) is
  'Luhn mod 32 check character of a Crockford base32 string.';

create function private.new_booking_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  v_bytes bytea := extensions.gen_random_bytes(8);
  v_body text := '';
begin
  -- 8 random symbols (40 bits) and a check character: 9 characters, read over the phone as 4 + 5.
  for i in 0..7 loop
    v_body := v_body || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
  end loop;
  return v_body || private.code_check_char(v_body);
end;
$$;
comment on function private.new_booking_code() is
  'A random booking code: 8 Crockford base32 symbols and a Luhn mod 32 check character.';

-- Codes as people type them: any case, spaces or dashes, and the letters Crockford maps to digits.
create function private.normalize_code(p_code text)
returns text
language sql
immutable
set search_path = ''
as $$
  select translate(upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'ILO', '110')
$$;
comment on function private.normalize_code(text) is
  'Upper-cases a typed booking code, drops spaces and dashes, and maps I, L to 1 and O to 0.';

create function private.is_valid_code(p_code text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_code ~ '^[0-9A-HJKMNP-TV-Z]{9}$' and private.code_check_char(left(p_code, 8)) = right(p_code, 1)
$$;
comment on function private.is_valid_code(text) is
  'True for a normalised code of 9 Crockford symbols whose last one checks the first 8.';

-- Vietnamese mobile numbers as people write them (+84 / 84 / 0, spaces, dots) to 0xxxxxxxxx.
create function private.normalize_phone(p_phone text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when v.digits ~ '^84[35789][0-9]{8}$' then '0' || substr(v.digits, 3)
    when v.digits ~ '^0[35789][0-9]{8}$' then v.digits
  end
  from (select regexp_replace(coalesce(p_phone, ''), '[\s.()+-]', '', 'g') as digits) as v
$$;
comment on function private.normalize_phone(text) is
  'A Vietnamese mobile number in the form 0xxxxxxxxx, or null when it is not one.';
