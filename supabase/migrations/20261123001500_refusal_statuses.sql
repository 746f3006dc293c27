-- The HTTP status of each refusal code moves from a CASE in private.refusal to a table, so a
-- feature that adds codes inserts rows instead of redefining the function (and dropping the codes
-- another migration added). Codes not listed answer 400.
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

create or replace function private.refusal(p_code text, p_details jsonb default null)
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

-- Read-only functions raise instead of returning; they now answer with the same statuses.
create or replace function private.raise_refusal(p_code text, p_details jsonb default null)
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
