-- The private schema: helpers and bookkeeping that PostgREST does not expose. Only the functions
-- in public that need them run with the rights to reach them. Here: refusals and their HTTP
-- statuses, the caller's address, codes, tokens, phones and names, dates and distances, rate limits.

create schema private;
comment on schema private is
  'Internals of the booking engine: rate-limit counters and helper functions. Not exposed by the API.';

-- Functions are executable by PUBLIC unless revoked: here nothing is, until granted one by one.
alter default privileges in schema private revoke execute on functions from public;

-- The public read functions run as their caller and use the helpers granted to them (each grant
-- stands by its function); PostgREST does not expose the private schema, so this grants no new way in.
grant usage on schema private to anon, authenticated;

-- =====================================================================
-- Errors the site can translate
-- =====================================================================

-- The HTTP status of each refusal code. A feature that adds codes inserts its rows (in its own
-- schema file) instead of redefining private.refusal. Codes not listed answer 400.
create table private.refusal_statuses (
  code text primary key check (code ~ '^[a-z_]+$'),
  status integer not null check (status between 400 and 599)
);
comment on table private.refusal_statuses is
  'The HTTP status a refusal code is answered with; codes not listed answer 400.';

insert into private.refusal_statuses (code, status) values
  ('rate_limited', 429),
  ('not_found', 404),
  ('shift_not_found', 404),
  ('campaign_not_found', 404),
  ('not_allowed', 403),
  ('shift_full', 409),
  ('shift_unavailable', 409),
  ('shift_past', 409),
  ('already_booked', 409),
  ('phone_limit', 409),
  ('idempotency_conflict', 409),
  ('nothing_to_change', 409),
  ('different_campaign', 409),
  ('booking_not_active', 409),
  ('queue_empty', 409),
  ('session_has_bookings', 409),
  ('session_exists', 409),
  ('unexpected', 500);

-- Citizen functions answer a refusal with an HTTP status and a stable code instead of raising:
-- the transaction then commits, so the rate-limit counters taken before the refusal are kept.
-- PostgREST sends the returned object as the error body, which supabase-js reads as `error`.
create function private.refusal(p_code text, p_details jsonb default null)
returns jsonb
language plpgsql
security definer -- callers need not read private.refusal_statuses themselves
set search_path = ''
as $$
declare
  v_status integer := coalesce(
    (select s.status from private.refusal_statuses s where s.code = p_code), 400);
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

-- For read-only functions (called with GET, where nothing can be written) a refusal is raised in
-- the form PostgREST turns into an HTTP status and a JSON body.
create function private.raise_refusal(p_code text, p_details jsonb default null)
returns void
language plpgsql
security definer -- callers need not read private.refusal_statuses themselves
set search_path = ''
as $$
begin
  raise sqlstate 'PGRST' using
    message = jsonb_build_object('code', p_code, 'message', p_code, 'details', p_details::text, 'hint', null)::text,
    detail = jsonb_build_object(
      'status', coalesce((select s.status from private.refusal_statuses s where s.code = p_code), 400),
      'headers', jsonb_build_object())::text;
end;
$$;
comment on function private.raise_refusal(text, jsonb) is
  'Raises a refusal {code, message, details, hint} with its HTTP status, the way PostgREST passes it to the client.';

-- What the violation of a constraint (or unique index) means to the caller, by its name. The
-- functions check their rules first and refuse with details; the constraint holds the rule under
-- concurrency, when two calls pass the check at once, and this names the refusal the loser gets. A
-- domain maps its constraints in its own schema file. A constraint not listed answers `unexpected`.
create table private.constraint_refusals (
  constraint_name text primary key,
  code text not null references private.refusal_statuses (code)
);
comment on table private.constraint_refusals is
  'The refusal code a function answers when a statement violates the named constraint or unique index; others answer unexpected.';

-- Turns an error raised inside a function into its answer. Refusals carry their code; a violated
-- constraint answers the code private.constraint_refusals gives it; anything else is logged, not shown.
create function private.answer_error(p_sqlstate text, p_message text, p_detail text, p_constraint text, p_function text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_code text;
begin
  if p_sqlstate = 'P0001' then
    return private.refusal(p_message, nullif(p_detail, '')::jsonb);
  end if;
  select r.code into v_code from private.constraint_refusals r where r.constraint_name = p_constraint;
  if v_code is not null then
    return private.refusal(v_code);
  end if;
  raise warning '% failed: % % (constraint: %)', p_function, p_sqlstate, p_message, coalesce(nullif(p_constraint, ''), 'none');
  return private.refusal('unexpected');
end;
$$;
comment on function private.answer_error(text, text, text, text, text) is
  'Maps an error caught in a function to its refusal: a refusal''s own code, a mapped constraint''s code; anything else is logged and answered unexpected.';

-- =====================================================================
-- The caller, as PostgREST describes the request
-- =====================================================================

-- Where the caller's address is read. Each proxy in front of PostgREST appends the address it saw
-- to X-Forwarded-For, after whatever the client sent: the entries a client writes itself come first,
-- so only the last `trusted_proxies` entries were written by proxies we trust, and the one they vouch
-- for is the `trusted_proxies`-th from the right. A table row rather than a GUC: the migrations and
-- the schema files carry its value, its checks refuse a wrong one, and a change takes effect at the
-- next call on every pooled PostgREST connection (ALTER DATABASE SET reaches new sessions only).
-- Locally the gateway (supabase/local/gateway.ts) is the one proxy. For hosted Supabase see the
-- README ("Rate limits and client addresses").
create table private.client_address_source (
  singleton boolean primary key default true check (singleton),
  header text not null default 'x-forwarded-for' check (header ~ '^[a-z0-9-]+$'),
  trusted_proxies integer not null default 1 check (trusted_proxies between 1 and 10)
);
comment on table private.client_address_source is
  'The request header holding the client address and how many trusted proxies append to it: the address is its trusted_proxies-th entry from the right.';

insert into private.client_address_source default values;

-- In PL/pgSQL, as the rate-limit functions below: their plans are kept for the session, where a SQL
-- function that is not inlined is planned again at every call.
create function private.client_ip()
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_source private.client_address_source;
  v_entries text[];
begin
  select * into v_source from private.client_address_source;
  v_entries := string_to_array(nullif(current_setting('request.headers', true), '')::json ->> v_source.header, ',');
  -- With fewer entries than trusted proxies, the first one: a proxy was bypassed, and the address
  -- is no better than the header. Direct SQL callers (tests, jobs) have no request headers and
  -- share one bucket.
  return coalesce(nullif(trim(v_entries[greatest(cardinality(v_entries) - v_source.trusted_proxies + 1, 1)]), ''), 'direct');
end;
$$;
comment on function private.client_ip() is
  'The client address the trusted proxies vouch for (private.client_address_source), or ''direct'' outside a request.';

-- =====================================================================
-- Codes, ID numbers, tokens, phones and names
-- =====================================================================

-- The helpers every booking calls are PL/pgSQL: a SQL function with its own search_path is never
-- inlined and is parsed and planned again in every transaction that calls it (tens of
-- microseconds each, several per booking); PL/pgSQL keeps its plans per connection.

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
language plpgsql
immutable
set search_path = ''
as $$
begin
  return translate(upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'ILO', '110');
end;
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

-- The 12-digit personal identification number: 3 digits of the province of birth registration,
-- a digit for century and sex, 2 digits of the birth year, 6 more digits (Decree 137/2015/NĐ-CP
-- art. 7; Circular 07/2016/TT-BCA). A 9-digit number is an old ID card (CMND). Province codes are
-- those of the 2021 GSO list, padded to 3 digits.
create function private.is_valid_id_number(p_id text, p_birth date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when p_id ~ '^[0-9]{9}$' then true
    when p_id !~ '^[0-9]{12}$' then false
    else exists (
        select 1 from public.admin_units u
        where u.level = 1 and u.unit_set = '2021' and '0' || u.code = left(p_id, 3))
      and substr(p_id, 4, 1)::integer / 2 = case
        when extract(year from p_birth) between 1800 and 1899 then 4
        else (extract(year from p_birth)::integer - 1900) / 100 end
      and substr(p_id, 5, 2) = to_char(extract(year from p_birth)::integer % 100, 'FM00')
  end
$$;
comment on function private.is_valid_id_number(text, date) is
  'True for a 9-digit old ID card number, or a 12-digit personal ID number that fits the date of birth.';

create function private.sha256(p_value text)
returns bytea
language plpgsql
immutable
set search_path = ''
as $$
begin
  return extensions.digest(p_value, 'sha256');
end;
$$;
comment on function private.sha256(text) is 'sha256 of a text, for stored hashes of tokens and keys.';

-- The manage token is derived from the idempotency key, which only the booking client knows and
-- the database stores only hashed: a replay of the same call gets the same token back, and
-- neither the key nor the token can be recovered from what is stored.
create function private.manage_token(p_idempotency_key text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return rtrim(translate(encode(extensions.digest('manage-token:' || p_idempotency_key, 'sha256'), 'base64'), '+/', '-_'), '=');
end;
$$;
comment on function private.manage_token(text) is
  'The manage token (43 base64url characters) that belongs to an idempotency key.';

-- Vietnamese mobile numbers as people write them (+84 / 84 / 0, spaces, dots) to 0xxxxxxxxx.
create function private.normalize_phone(p_phone text)
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
comment on function private.normalize_phone(text) is
  'A Vietnamese mobile number in the form 0xxxxxxxxx, or null when it is not one.';

-- Enough of a phone number for its owner to recognise it, too little for anyone else to use.
create function private.mask_phone(p_phone text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return left(p_phone, 3) || '****' || right(p_phone, 3);
end;
$$;
comment on function private.mask_phone(text) is 'A phone number with all but its first and last three digits hidden; null for null.';

-- A name as bookings store it: composed Unicode, plain apostrophes, single spaces.
create function private.clean_name(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select regexp_replace(btrim(normalize(replace(coalesce(p_value, ''), '’', ''''), nfc)), '\s+', ' ', 'g')
$$;
comment on function private.clean_name(text) is 'A typed name in composed Unicode, with plain apostrophes and single spaces.';

create function private.clean_text(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(regexp_replace(btrim(coalesce(p_value, '')), '\s+', ' ', 'g'), '')
$$;
comment on function private.clean_text(text) is 'A typed text on one line with single spaces, or null when empty.';

-- =====================================================================
-- Dates and distances
-- =====================================================================

-- PL/pgSQL, as the helpers above: every booking asks.
create function private.today()
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
  return (now() at time zone 'Asia/Ho_Chi_Minh')::date;
end;
$$;
comment on function private.today() is 'Today''s date in Viet Nam.';

-- The box around Viet Nam, islands included: Trường Sa reaches 7.18°N and 117.83°E, the
-- mainland 23.39°N and 102.14°E (the 2025 communes' shapes, supabase/data). Every coordinate a
-- citizen or an officer gives is checked against it; src/domain/viet-nam-box.ts is the same box
-- for the forms (tests/db/viet-nam-box.test.ts holds them together). A null coordinate is not
-- checked here.
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

create function private.distance_km(p_lat1 double precision, p_lng1 double precision,
                                    p_lat2 double precision, p_lng2 double precision)
returns double precision
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  -- Haversine on a 6371 km sphere: close enough for "which session is nearer". PL/pgSQL, not
  -- SQL: a SQL function with its own search_path is planned again at every call (~0.1 ms), and a
  -- search computes this for every site it walks.
  return 2 * 6371 * asin(sqrt(
    power(sin(radians(p_lat2 - p_lat1) / 2), 2)
    + cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lng2 - p_lng1) / 2), 2)));
end;
$$;
comment on function private.distance_km(double precision, double precision, double precision, double precision) is
  'Great-circle distance in km between two points.';

grant execute on function private.today(), private.raise_refusal(text, jsonb),
  private.distance_km(double precision, double precision, double precision, double precision),
  private.in_viet_nam(double precision, double precision)
  to anon, authenticated;

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

-- Per address generous, per phone and per code strict. Carrier-grade NAT puts many phones behind one
-- address: a commune's morning (the campaign announced at 08:00, a thousand people or more booking in
-- the next minutes, then opening their ticket) comes through one. 3,000 bookings and 3,000 lookups per
-- ten minutes per address (five a second) take such a morning with room for refused tries (a full
-- shift, a typo) and for families; a script on one address gets no more, and each phone books 10 times
-- an hour, each code is looked up 20 times, whatever the address.
-- 'lookup_failed' counts only failed proofs (a well-formed code with a phone or token that does not
-- open it), per address, and is checked before the others (private.within_proof_limits): a script
-- guessing codes or phones stops after 80 an hour, while a commune's few wrong phones (a mistyped
-- code mostly fails its check character, invalid_code, which is not counted) stay well under it, and
-- its successful lookups never use it up.
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('book', 'ip', 3000, interval '10 minutes'),
  ('book', 'phone', 10, interval '1 hour'),
  ('lookup', 'ip', 3000, interval '10 minutes'),
  ('lookup', 'phone', 30, interval '1 hour'),
  ('lookup', 'code', 20, interval '1 hour'),
  ('lookup_failed', 'ip', 80, interval '1 hour'),
  ('change', 'ip', 1000, interval '10 minutes'),
  ('change', 'code', 20, interval '1 hour');

-- The counts, bounded: one row per action, scope, subject (hashed, so the counters hold no phone
-- numbers), time bucket and connection. A bucket is a tenth of the rule's period, and a call counts
-- the buckets that began within one period before its own: a window between 1 and 1.1 periods long,
-- so no more than max_hits calls pass in any one period, and a call stops counting between 1 and 1.1
-- periods after it was made (a sliding window in steps of a tenth). The shard is the connection's
-- backend pid: a connection runs one transaction at a time and no other writes its rows, so the
-- callers of a busy address never wait for each other's counter row (which a booking holds until it
-- commits). A subject has at most 11 buckets times the connections that served it (PostgREST's pool);
-- rows no window counts are deleted every ten minutes (the job 'purge-rate-limit-counters').
-- The fill factor leaves room on each page for the counts' updates (HOT: no index change).
create table private.rate_limit_counters (
  action text not null,
  scope text not null,
  subject bytea not null,
  bucket timestamptz not null,
  shard integer not null,
  hits integer not null,
  expires_at timestamptz not null,
  primary key (action, scope, subject, bucket, shard)
) with (fillfactor = 70);
comment on table private.rate_limit_counters is
  'Rate-limited calls counted per action, scope, subject (sha256), time bucket (a tenth of the rule''s period) and connection; deleted once expired.';

-- Counts one call (p_count) or none, and answers whether the subject's calls in the window, with one
-- more when none was counted, stay within the rule's limit.
create function private.rate_limit_check(p_action text, p_scope text, p_subject text, p_count boolean)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_rule private.rate_limit_rules;
  v_subject bytea;
  v_bucket timestamptz;
  v_hits bigint;
begin
  select * into v_rule from private.rate_limit_rules where action = p_action and scope = p_scope;
  if not found or p_subject is null then
    return true;
  end if;
  v_subject := extensions.digest(p_subject, 'sha256');
  v_bucket := date_bin(v_rule.period / 10, now(), timestamptz 'epoch');
  if p_count then
    insert into private.rate_limit_counters as c (action, scope, subject, bucket, shard, hits, expires_at)
    values (p_action, p_scope, v_subject, v_bucket, pg_backend_pid(), 1, v_bucket + v_rule.period + v_rule.period / 10)
    on conflict (action, scope, subject, bucket, shard) do update set hits = c.hits + 1;
  end if;
  select coalesce(sum(c.hits), 0) into v_hits
  from private.rate_limit_counters c
  where c.action = p_action and c.scope = p_scope and c.subject = v_subject and c.bucket >= v_bucket - v_rule.period;
  return v_hits + (case when p_count then 0 else 1 end) <= v_rule.max_hits;
end;
$$;
comment on function private.rate_limit_check(text, text, text, boolean) is
  'Counts a call of p_action by p_subject when p_count; false once the calls of the window (with this one) exceed the rule''s limit.';

create function private.take_rate(p_action text, p_scope text, p_subject text)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  return private.rate_limit_check(p_action, p_scope, p_subject, true);
end;
$$;
comment on function private.take_rate(text, text, text) is
  'Counts a call of p_action by p_subject; false once the calls of the last period exceed the rule''s limit.';

-- Counts a call against every limit of its action: per client IP, per phone, per booking code.
-- Called before a function's error handling block, so that refused calls are counted too (the
-- block's changes are rolled back on a refusal, these are not).
create function private.within_rate_limits(p_action text, p_phone text default null, p_code text default null)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  -- Each limit counts the call, even when another refuses it.
  v_ip boolean := private.take_rate(p_action, 'ip', private.client_ip());
  v_phone boolean := private.take_rate(p_action, 'phone', coalesce(private.normalize_phone(p_phone), nullif(p_phone, '')));
  v_code boolean := private.take_rate(p_action, 'code', nullif(private.normalize_code(p_code), ''));
begin
  return v_ip and v_phone and v_code;
end;
$$;
comment on function private.within_rate_limits(text, text, text) is
  'Counts one call of p_action for the client IP, the phone and the code; false when any is over its limit.';

-- For a call that proves holding a booking code (with its phone or token): an address whose failed
-- proofs are over their limit is refused before anything is counted; otherwise the call counts as
-- within_rate_limits does. The failures themselves are counted by private.count_failed_proof.
create function private.within_proof_limits(p_action text, p_phone text, p_code text)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if not private.rate_limit_check('lookup_failed', 'ip', private.client_ip(), false) then
    return false;
  end if;
  return private.within_rate_limits(p_action, p_phone, p_code);
end;
$$;
comment on function private.within_proof_limits(text, text, text) is
  'False when the client address has used up its failed proofs (lookup_failed); else counts the call as within_rate_limits does.';

-- Called from the error handler of a function that takes a code and its proof: the block's changes
-- are rolled back by then, this count stays. not_found is the refusal of a proof that fails
-- (private.authorized_group); nothing else in those functions answers it.
create function private.count_failed_proof(p_sqlstate text, p_message text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_sqlstate = 'P0001' and p_message = 'not_found' then
    perform private.take_rate('lookup_failed', 'ip', private.client_ip());
  end if;
end;
$$;
comment on function private.count_failed_proof(text, text) is
  'Counts a failed proof of a booking code (refusal not_found) against the client address''s lookup_failed limit.';

-- Deletes the counters no window counts any more (the job below, after the jobs' table).
create function private.purge_rate_limit_counters()
returns integer
language sql
set search_path = ''
as $$
  with gone as (delete from private.rate_limit_counters where expires_at <= now() returning 1)
  select count(*)::integer from gone
$$;
comment on function private.purge_rate_limit_counters() is
  'Deletes the rate-limit counters whose buckets no window counts any more; answers how many.';

-- =====================================================================
-- Jobs on a schedule
-- =====================================================================

-- What runs by itself, defined once: on a hosted project pg_cron runs these rows
-- (private.schedule_jobs); locally the stack's own timer runs the same rows (supabase/local/jobs.ts),
-- as pg_cron is not among the extensions it has.
create table private.scheduled_jobs (
  name text primary key check (name ~ '^[a-z][a-z0-9-]*$'),
  -- What pg_cron can say: 1–59 seconds, minutes that divide an hour, hours that divide a day.
  every interval not null check (
    (every between interval '1 second' and interval '59 seconds' and extract(microseconds from every)::bigint % 1000000 = 0)
    or (every between interval '1 minute' and interval '1 hour' and extract(epoch from every)::integer % 60 = 0
        and 60 % (extract(epoch from every)::integer / 60) = 0)
    or (every between interval '1 hour' and interval '24 hours' and extract(epoch from every)::integer % 3600 = 0
        and 24 % (extract(epoch from every)::integer / 3600) = 0)),
  command text not null,
  comment text not null
);
comment on table private.scheduled_jobs is
  'Jobs that run by themselves: name, how often, the SQL run as postgres, and why.';

-- The interval in pg_cron's words. Hourly and daily jobs start at 20:00 UTC (03:00 in Viet Nam),
-- when nobody books.
create function private.cron_schedule(p_every interval)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_every < interval '1 minute' then extract(epoch from p_every)::integer || ' seconds'
    when p_every = interval '1 minute' then '* * * * *'
    when p_every < interval '1 hour' then '*/' || extract(epoch from p_every)::integer / 60 || ' * * * *'
    when p_every = interval '24 hours' then '0 20 * * *'
    else '0 ' || (select string_agg(h::text, ',' order by h)
                  from generate_series(20, 20 + 23, extract(epoch from p_every)::integer / 3600) as g (n),
                       lateral (select n % 24 as h) as x) || ' * * *'
  end
$$;
comment on function private.cron_schedule(interval) is
  'A scheduled job''s interval as a pg_cron schedule (seconds, */n minutes, or hours counted from 20:00 UTC).';

-- Registers every job with pg_cron where the extension exists (cron.schedule replaces a job of the
-- same name); elsewhere it does nothing, so migrations apply on a database without pg_cron.
create function private.schedule_jobs()
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_job private.scheduled_jobs;
  v_count integer := 0;
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    return 0;
  end if;
  for v_job in select * from private.scheduled_jobs order by name loop
    execute 'select cron.schedule($1, $2, $3)' using v_job.name, private.cron_schedule(v_job.every), v_job.command;
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.schedule_jobs() is
  'Schedules every private.scheduled_jobs row with pg_cron when the extension is installed; answers how many (0 without pg_cron).';

-- The rate-limit counters' purge (see private.rate_limit_counters): every ten minutes, so the table
-- holds the last day's callers at most (the longest period is a day).
insert into private.scheduled_jobs (name, every, command, comment) values
  ('purge-rate-limit-counters', interval '10 minutes', 'select private.purge_rate_limit_counters()',
   'Deletes the rate-limit counters no window counts any more, so their table stays the size of the recent callers.');
