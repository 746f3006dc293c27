-- Moving a session to another date, with its shifts' hours, while nobody has booked it yet. Once
-- someone has, the session is cancelled instead, so that every booked citizen sees it and the
-- alternatives on their booking page.

create function public.staff_move_session(p_session_id bigint, p_date date)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.intake_sessions;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if p_date is null or p_date < private.today() or v_session.cancelled_at is not null then
      perform private.refuse('invalid_argument', '{"field": "date"}');
    end if;
    if exists (select 1 from public.shifts where session_id = p_session_id and last_queue_no > 0) then
      perform private.refuse('session_has_bookings');
    end if;
    if exists (select 1 from public.intake_sessions where site_id = v_session.site_id and session_date = p_date and id <> p_session_id) then
      perform private.refuse('session_exists');
    end if;
    update public.shifts
    set starts_at = starts_at + (p_date - v_session.session_date) * interval '1 day',
        ends_at = ends_at + (p_date - v_session.session_date) * interval '1 day'
    where session_id = p_session_id;
    update public.intake_sessions set session_date = p_date where id = p_session_id;
    return jsonb_build_object('ok', true, 'session_id', p_session_id, 'date', p_date);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_move_session');
  end;
end;
$$;
comment on function public.staff_move_session(bigint, date) is
  'Moves a session nobody has booked to another date, its shifts keeping their hours.';

revoke execute on function public.staff_move_session(bigint, date) from public;
grant execute on function public.staff_move_session(bigint, date) to authenticated;
