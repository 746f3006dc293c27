-- The queue never loses a person: calling follows who is here and not yet called, in queue-number
-- order; call a number again or out of turn; served and not come can be taken back on the day; a
-- repeated check-in, walk-in number or call next takes effect once. The board shows the numbers
-- called before the current one whose holders are still waiting.

alter table public.walk_ins
  add column request_key text constraint walk_ins_request_key_key unique check (request_key ~ '^[A-Za-z0-9_-]{16,64}$');

-- The console shows who was called (as it reads the rest of a booking: 05_bookings.sql).
grant select (called_at) on public.bookings to authenticated;

insert into private.refusal_statuses (code, status) values
  ('not_present', 409),
  ('not_marked', 409),
  ('day_over', 409);

drop function public.staff_add_walk_in(bigint);
drop function public.staff_call_next(bigint);
create or replace function public.staff_check_in(p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    select * into v_booking from public.bookings where code = private.normalize_code(p_code);
    if not found then
      perform private.refuse('not_found');
    end if;
    perform private.lock_day_shift(v_booking.shift_id);
    select * into v_booking from public.bookings where id = v_booking.id;
    if v_booking.status in ('confirmed', 'no_show') then
      update public.bookings set status = 'checked_in', called_at = null, updated_at = now() where id = v_booking.id;
    elsif v_booking.status <> 'checked_in' then
      perform private.refuse('booking_not_active', jsonb_build_object('status', v_booking.status));
    end if;
    return private.queue_entry(v_booking.shift_id, v_booking.queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_check_in');
  end;
end;
$$;
comment on function public.staff_check_in(text) is
  'Checks a booked person in by booking code (typed or scanned), in a shift the officer covers; again for one already checked in answers them.';

create function public.staff_add_walk_in(p_shift_id bigint, p_request_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_queue_no integer;
  v_earlier public.walk_ins;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    perform private.lock_day_shift(p_shift_id);
    if p_request_key is null or p_request_key !~ '^[A-Za-z0-9_-]{16,64}$' then
      perform private.refuse('invalid_argument', '{"field": "request_key"}');
    end if;
    select * into v_earlier from public.walk_ins where request_key = p_request_key;
    if found then
      if v_earlier.shift_id <> p_shift_id then
        perform private.refuse('idempotency_conflict');
      end if;
      return private.queue_entry(p_shift_id, v_earlier.queue_no);
    end if;
    update public.shifts set last_queue_no = last_queue_no + 1 where id = p_shift_id returning last_queue_no into v_queue_no;
    insert into public.walk_ins (shift_id, queue_no, created_by, request_key) values (p_shift_id, v_queue_no, (select auth.uid()), p_request_key);
    return private.queue_entry(p_shift_id, v_queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_add_walk_in');
  end;
end;
$$;
comment on function public.staff_add_walk_in(bigint, text) is
  'Hands the next queue number of a shift to a person without a booking; the same request key answers the same number.';

create function private.call_number(p_shift_id bigint, p_queue_no integer)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  update public.bookings set called_at = now() where shift_id = p_shift_id and queue_no = p_queue_no;
  update public.walk_ins set called_at = now() where shift_id = p_shift_id and queue_no = p_queue_no;
  update public.shifts set now_serving = p_queue_no, now_serving_at = now() where id = p_shift_id;
  return private.queue_entry(p_shift_id, p_queue_no);
end;
$$;
comment on function private.call_number(bigint, integer) is
  'Records a call of a queue number on its holder and on the shift (the board); the caller has locked the shift.';

create function public.staff_call_next(p_shift_id bigint, p_now_serving integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_next integer;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_shift := private.lock_day_shift(p_shift_id);
    if p_now_serving is null or p_now_serving < 0 then
      perform private.refuse('invalid_argument', '{"field": "now_serving"}');
    end if;
    if v_shift.now_serving <> p_now_serving and v_shift.now_serving > 0 then
      return private.queue_entry(p_shift_id, v_shift.now_serving);
    end if;
    select min(queue_no) into v_next from (
      select queue_no from public.bookings where shift_id = p_shift_id and status = 'checked_in' and called_at is null
      union all
      select queue_no from public.walk_ins where shift_id = p_shift_id and status = 'checked_in' and called_at is null
    ) waiting;
    if v_next is null then
      perform private.refuse('queue_empty', jsonb_build_object('now_serving', v_shift.now_serving));
    end if;
    return private.call_number(p_shift_id, v_next);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_call_next');
  end;
end;
$$;
comment on function public.staff_call_next(bigint, integer) is
  'Calls the lowest number among those here whom no call has reached yet; answers the number being served when the shift has moved on from p_now_serving.';

create function public.staff_call_number(p_shift_id bigint, p_queue_no integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_entry jsonb;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    perform private.lock_day_shift(p_shift_id);
    v_entry := private.queue_entry(p_shift_id, p_queue_no);
    if v_entry is null then
      perform private.refuse('not_found');
    end if;
    if v_entry ->> 'status' <> 'checked_in' then
      perform private.refuse('not_present', jsonb_build_object('status', v_entry ->> 'status'));
    end if;
    return private.call_number(p_shift_id, p_queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_call_number');
  end;
end;
$$;
comment on function public.staff_call_number(bigint, integer) is
  'Calls a given queue number of a shift (again, or out of turn); its holder must be checked in.';

create or replace function public.staff_mark(p_shift_id bigint, p_queue_no integer, p_status text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_entry jsonb;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if p_status is null or p_status not in ('served', 'no_show') then
      perform private.refuse('invalid_argument', '{"field": "status"}');
    end if;
    perform private.lock_staff_shift(p_shift_id);
    v_entry := private.queue_entry(p_shift_id, p_queue_no);
    if v_entry is null or v_entry ->> 'status' not in ('confirmed', 'checked_in') then
      perform private.refuse('booking_not_active', jsonb_build_object('status', v_entry ->> 'status'));
    end if;
    if p_status = 'served' and v_entry ->> 'status' <> 'checked_in' then
      perform private.refuse('not_present', jsonb_build_object('status', v_entry ->> 'status'));
    end if;
    update public.bookings set status = p_status, updated_at = now() where shift_id = p_shift_id and queue_no = p_queue_no;
    update public.walk_ins set status = p_status where shift_id = p_shift_id and queue_no = p_queue_no;
    return private.queue_entry(p_shift_id, p_queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_mark');
  end;
end;
$$;
comment on function public.staff_mark(bigint, integer, text) is
  'Marks the holder of a queue number served (who must be checked in) or not come (no_show).';

create function public.staff_undo_mark(p_shift_id bigint, p_queue_no integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_entry jsonb;
  v_back text;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    perform private.lock_staff_shift(p_shift_id);
    if private.today() > (select sess.session_date from public.shifts s join public.intake_sessions sess on sess.id = s.session_id where s.id = p_shift_id) then
      perform private.refuse('day_over');
    end if;
    v_entry := private.queue_entry(p_shift_id, p_queue_no);
    if v_entry is null or v_entry ->> 'status' not in ('served', 'no_show') then
      perform private.refuse('not_marked', jsonb_build_object('status', v_entry ->> 'status'));
    end if;
    v_back := case
      when v_entry ->> 'status' = 'served' or v_entry ->> 'kind' = 'walk_in' or v_entry ->> 'called_at' is not null then 'checked_in'
      else 'confirmed'
    end;
    update public.bookings set status = v_back, updated_at = now() where shift_id = p_shift_id and queue_no = p_queue_no;
    update public.walk_ins set status = v_back where shift_id = p_shift_id and queue_no = p_queue_no;
    return private.queue_entry(p_shift_id, p_queue_no);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_undo_mark');
  end;
end;
$$;
comment on function public.staff_undo_mark(bigint, integer) is
  'Takes back served or not come on a queue number, on the session''s day: the holder is back to checked in (or booked, if never here).';

revoke execute on function public.staff_check_in(text), public.staff_add_walk_in(bigint, text),
  public.staff_call_next(bigint, integer), public.staff_call_number(bigint, integer),
  public.staff_mark(bigint, integer, text), public.staff_undo_mark(bigint, integer) from public;
grant execute on function public.staff_check_in(text), public.staff_add_walk_in(bigint, text),
  public.staff_call_next(bigint, integer), public.staff_call_number(bigint, integer),
  public.staff_mark(bigint, integer, text), public.staff_undo_mark(bigint, integer) to authenticated;

create or replace function public.now_serving_board(p_session_id bigint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'session_id', sess.id,
    'date', sess.session_date,
    'cancelled_at', sess.cancelled_at,
    'site', jsonb_build_object('name', site.name, 'address', site.address),
    'shifts', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
          'now_serving', s.now_serving, 'now_serving_at', s.now_serving_at,
          'last_queue_no', s.last_queue_no,
          'called_before', (
            select coalesce(jsonb_agg(c.queue_no order by c.called_at desc), '[]'::jsonb)
            from (
              select q.queue_no, q.called_at from (
                select queue_no, called_at, status from public.bookings where shift_id = s.id
                union all
                select queue_no, called_at, status from public.walk_ins where shift_id = s.id
              ) q
              where q.status = 'checked_in' and q.called_at is not null and q.queue_no <> s.now_serving
              order by q.called_at desc
              limit 4
            ) c))
        order by s.starts_at), '[]'::jsonb)
      from public.shifts s where s.session_id = sess.id),
    'as_of', now())
  from public.intake_sessions sess
  join public.intake_sites site on site.id = sess.site_id
  where sess.id = p_session_id and sess.published
$$;
comment on function public.now_serving_board(bigint) is
  'The number being served in each shift of a published session, and up to four called before it still waiting to be seen, for the public queue board.';
