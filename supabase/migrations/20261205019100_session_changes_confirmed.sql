-- Unpublishing, cancelling or moving a session that has bookings needs the number of people booked,
-- confirmed by the officer (p_booked_count, checked against the shifts under lock); a booked
-- session can now be moved (its bookings keep their shifts), not once its day has begun. The three
-- functions take a new argument: the old ones are dropped and made again, with their grants.
drop function public.staff_cancel_session(bigint, text);
drop function public.staff_move_session(bigint, date);
drop function public.staff_set_session_published(bigint, boolean);

-- Calling a session off, moving it or taking it back to draft reaches everyone booked in it (the
-- outbox triggers on intake_sessions tell them, 15_messages.sql), so the officer confirms how many
-- people that is, and the function checks the number against the shifts, locked: a page read
-- before more people booked cannot do it unseen. None booked needs no confirmation.
insert into private.refusal_statuses (code, status) values
  ('session_started', 409);

create function private.confirm_booked_count(p_session_id bigint, p_booked_count integer)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_booked integer;
begin
  -- Locked: the booking engine locks a shift to place people, so the count cannot change
  -- meanwhile; in id order, as a citizen's move between shifts locks them, so neither waits on the other.
  select coalesce(sum(s.booked), 0)::integer into v_booked
  from (select booked from public.shifts where session_id = p_session_id order by id for update) s;
  if v_booked > 0 and p_booked_count is distinct from v_booked then
    perform private.refuse('session_has_bookings', jsonb_build_object('booked', v_booked));
  end if;
  return v_booked;
end;
$$;
comment on function private.confirm_booked_count(bigint, integer) is
  'Locks a session''s shifts and refuses session_has_bookings (with the number booked) unless nobody is booked or p_booked_count is that number.';

create function public.staff_cancel_session(p_session_id bigint, p_reason text, p_booked_count integer default 0)
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
    perform private.lock_staff_session(p_session_id);
    if length(btrim(coalesce(p_reason, ''))) not between 3 and 500 then
      perform private.refuse('invalid_argument', '{"field": "reason"}');
    end if;
    perform private.confirm_booked_count(p_session_id, p_booked_count);
    -- The bookings stay: each citizen's booking page shows the cancellation and the nearest
    -- alternatives to move to.
    update public.intake_sessions set cancelled_at = coalesce(cancelled_at, now()), cancel_reason = btrim(p_reason)
    where id = p_session_id;
    return jsonb_build_object('ok', true, 'session_id', p_session_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_cancel_session');
  end;
end;
$$;
comment on function public.staff_cancel_session(bigint, text, integer) is
  'Calls a session off with a reason, the number of people booked confirmed; they see it, with alternatives, on their booking page.';

-- Moving a session to another date, its shifts keeping their hours and its bookings their shifts,
-- once the officer has confirmed how many people are booked. Not once the day has begun (someone
-- checked in, served, not come, or a walk-in number handed out): those rows belong to that day.
create function public.staff_move_session(p_session_id bigint, p_date date, p_booked_count integer default 0)
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
  v_constraint text;
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if p_date is null or p_date < private.today() or v_session.cancelled_at is not null then
      perform private.refuse('invalid_argument', '{"field": "date"}');
    end if;
    perform private.confirm_booked_count(p_session_id, p_booked_count);
    if exists (select 1 from public.bookings b join public.shifts s on s.id = b.shift_id
               where s.session_id = p_session_id and b.status in ('checked_in', 'served', 'no_show'))
       or exists (select 1 from public.walk_ins w join public.shifts s on s.id = w.shift_id where s.session_id = p_session_id) then
      perform private.refuse('session_started');
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
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_move_session');
  end;
end;
$$;
comment on function public.staff_move_session(bigint, date, integer) is
  'Moves a session to another date, its shifts keeping their hours and its bookings their shifts, the number of people booked confirmed; not once its day has begun.';

revoke execute on function public.staff_cancel_session(bigint, text, integer), public.staff_move_session(bigint, date, integer) from public;
grant execute on function public.staff_cancel_session(bigint, text, integer), public.staff_move_session(bigint, date, integer) to authenticated;

-- Taking a published session back to draft hides it from the people booked in it too: the officer
-- confirms how many they are (private.confirm_booked_count, with the day of intake's functions).
create function public.staff_set_session_published(p_session_id bigint, p_published boolean, p_booked_count integer default 0)
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
  v_constraint text;
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if p_published is null then
      perform private.refuse('invalid_argument', '{"field": "published"}');
    end if;
    if v_session.published and not p_published then
      perform private.confirm_booked_count(p_session_id, p_booked_count);
    end if;
    update public.intake_sessions set published = p_published where id = p_session_id;
    return jsonb_build_object('ok', true, 'session_id', p_session_id, 'published', p_published);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_set_session_published');
  end;
end;
$$;
comment on function public.staff_set_session_published(bigint, boolean, integer) is
  'Publishes a session of the officer''s scope (citizens find and book it) or takes it back to draft, the number of people booked confirmed.';

revoke execute on function public.staff_set_session_published(bigint, boolean, integer) from public;
grant execute on function public.staff_set_session_published(bigint, boolean, integer) to authenticated;
