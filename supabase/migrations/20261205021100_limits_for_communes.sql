-- Limits that stop scripts, not communes (issue 16): the rate-limit store bounded (counters per
-- bucket and connection, purged by a scheduled job), per-address limits that let a commune behind one
-- carrier address through, failed proofs of a code counted per address, and the client address taken
-- from the X-Forwarded-For entry the trusted proxies vouch for.

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
create or replace function private.client_ip()
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

drop table private.rate_limit_hits;

update private.rate_limit_rules set max_hits = 3000 where action in ('book', 'lookup') and scope = 'ip';
update private.rate_limit_rules set max_hits = 1000 where action = 'change' and scope = 'ip';
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('lookup_failed', 'ip', 80, interval '1 hour');

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

create or replace function private.take_rate(p_action text, p_scope text, p_subject text)
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
create or replace function private.within_rate_limits(p_action text, p_phone text default null, p_code text default null)
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

create or replace function public.lookup_booking(p_code text, p_phone text default null, p_token text default null)
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

create or replace function public.cancel_booking(p_code text, p_phone text default null, p_token text default null, p_codes text[] default null)
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

create or replace function public.move_booking(
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

create or replace function public.purge_personal_data(p_retention_days integer default 30)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cutoff date;
  v_bookings integer;
  v_groups integer;
  v_home_visits integer;
  v_org_requests integer;
  v_links integer;
  v_audit integer;
  v_messages integer;
begin
  if p_retention_days is null or p_retention_days not between 0 and 3650 then
    raise exception 'p_retention_days must be between 0 and 3650' using errcode = '22023';
  end if;
  v_cutoff := private.today() - p_retention_days;

  update public.bookings b
  set full_name = null, birth_date = null, id_number = null, org_group = null, purged_at = now(), updated_at = now()
  from public.shifts s
  join public.intake_sessions sess on sess.id = s.session_id
  where b.shift_id = s.id and b.purged_at is null and sess.session_date < v_cutoff;
  get diagnostics v_bookings = row_count;

  -- A group's phone goes once none of its bookings still needs it.
  update public.booking_groups g
  set contact_phone = null, messages_email = null, purged_at = now()
  where g.purged_at is null
    and not exists (select 1 from public.bookings b where b.group_id = g.id and b.purged_at is null);
  get diagnostics v_groups = row_count;

  v_home_visits := private.purge_home_visits(v_cutoff);
  v_org_requests := private.purge_organisation_requests(v_cutoff);
  v_links := private.purge_signup_links(v_cutoff);
  v_audit := private.purge_audit_log(v_cutoff);
  v_messages := private.purge_messages(v_cutoff);

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'organisation_requests', v_org_requests,
                            'signup_links', v_links,
                            'audit_entries', v_audit, 'messages', v_messages);
end;
$$;
comment on function public.purge_personal_data(integer) is
  'Clears personal fields of bookings whose session is more than p_retention_days old, keeping the counts; for the scheduled job (service_role).';

-- The rate-limit counters' purge (see private.rate_limit_counters): every ten minutes, so the table
-- holds the last day's callers at most (the longest period is a day).
insert into private.scheduled_jobs (name, every, command, comment) values
  ('purge-rate-limit-counters', interval '10 minutes', 'select private.purge_rate_limit_counters()',
   'Deletes the rate-limit counters no window counts any more, so their table stays the size of the recent callers.');
select private.schedule_jobs();
