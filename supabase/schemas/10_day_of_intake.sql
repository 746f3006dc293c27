-- The day of intake, for officers: check people in by booking code, hand out walk-in numbers,
-- call the next number (the public now-serving board follows), mark served or no-show, call a
-- session off or move it. Security definer, because queue numbers and counts are not writable by
-- any API role; each function first checks that the session or shift is in the officer's scope.

-- =====================================================================
-- Walk-ins
-- =====================================================================

-- People who come without a booking get a queue number in the shift from the same counter as
-- bookings, so numbers never collide; they hold no place of the shift's capacity.
create table public.walk_ins (
  id bigint generated always as identity primary key,
  shift_id bigint not null references public.shifts (id),
  queue_no integer not null check (queue_no > 0),
  status text not null default 'checked_in' check (status in ('checked_in', 'served', 'no_show')),
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  -- When the number was last called (as bookings.called_at).
  called_at timestamptz,
  -- The console's key for the request that handed the number out: the same request sent again
  -- (the answer was lost on a dropped network) answers this number instead of handing out another.
  request_key text constraint walk_ins_request_key_key unique check (request_key ~ '^[A-Za-z0-9_-]{16,64}$'),
  unique (shift_id, queue_no)
);
comment on table public.walk_ins is
  'A queue number handed out at the site to a person without a booking.';

create index walk_ins_created_by_idx on public.walk_ins (created_by);

alter table public.walk_ins enable row level security;

create policy "Staff read the walk-ins of their scope"
  on public.walk_ins for select to authenticated
  using (private.session_ward((select s.session_id from public.shifts s where s.id = walk_ins.shift_id)) in (select private.staff_scope()));

grant select on public.walk_ins to authenticated;

create trigger walk_ins_audit after insert or update on public.walk_ins
  for each row execute function private.audit_staff_change();

-- =====================================================================
-- Scope checks
-- =====================================================================

-- The site or session a site-bound role (a volunteer) works at (03_staff_scope_and_audit.sql):
-- gone with it.
alter table public.staff_members
  add constraint staff_members_site_id_fkey foreign key (site_id) references public.intake_sites (id) on delete cascade,
  add constraint staff_members_session_id_fkey foreign key (session_id) references public.intake_sessions (id) on delete cascade;

-- npm run staff:add finds a volunteer's site and session by name and date with the secret key.
grant select on public.intake_sites, public.intake_sessions to service_role;

-- The session, locked, if the caller is an officer whose scope covers it: the first step of
-- every staff function. A citizen is refused not_allowed, another unit's officer not_found.
create function private.lock_staff_session(p_session_id bigint)
returns public.intake_sessions
language plpgsql
set search_path = ''
as $$
declare
  v_session public.intake_sessions;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_session from public.intake_sessions where id = p_session_id for update;
  if not found or private.session_ward(p_session_id) not in (select private.staff_scope()) then
    perform private.refuse('not_found');
  end if;
  return v_session;
end;
$$;
comment on function private.lock_staff_session(bigint) is
  'Locks a session the signed-in officer covers; refuses not_allowed for non-staff, not_found for any other.';

-- The shift, locked, under the same rule.
create function private.lock_staff_shift(p_shift_id bigint)
returns public.shifts
language plpgsql
set search_path = ''
as $$
declare
  v_shift public.shifts;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_shift from public.shifts where id = p_shift_id for update;
  if not found or private.session_ward(v_shift.session_id) not in (select private.staff_scope()) then
    perform private.refuse('not_found');
  end if;
  return v_shift;
end;
$$;
comment on function private.lock_staff_shift(bigint) is
  'Locks a shift the signed-in officer covers; refuses not_allowed for non-staff, not_found for any other.';

-- Whether the caller may take the day's actions in a session: an officer whose scope covers it,
-- or a volunteer (a site-bound role) of that session or of its site.
create function private.covers_day_session(p_session_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.session_ward(p_session_id) in (select private.staff_scope())
    or exists (
      select 1 from public.staff_members m
      join public.intake_sessions sess on sess.id = p_session_id
      where m.user_id = (select auth.uid()) and m.active and (m.session_id = sess.id or m.site_id = sess.site_id))
$$;
comment on function private.covers_day_session(bigint) is
  'True when the signed-in officer covers the session, or the signed-in volunteer works at it or at its site.';

-- True when the caller's role is site-bound (a volunteer): what they are shown of a person is the
-- queue number, the name and the booking code they check people in by, nothing more.
create function private.is_site_bound()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.staff_members m join public.staff_roles r on r.role = m.role
    where m.user_id = (select auth.uid()) and m.active and r.site_bound)
$$;
comment on function private.is_site_bound() is 'True when the caller holds a site-bound role (a volunteer).';

-- The shift, locked, for the actions of the day at the site (check in, hand out a number, call):
-- the one check those actions share, so that who may take them is decided in one place. Officers
-- of the scope and the session's volunteers pass; a citizen is refused not_allowed, anyone else
-- not_found.
create function private.lock_day_shift(p_shift_id bigint)
returns public.shifts
language plpgsql
set search_path = ''
as $$
declare
  v_shift public.shifts;
begin
  if not private.is_staff() then
    perform private.refuse('not_allowed');
  end if;
  select * into v_shift from public.shifts where id = p_shift_id for update;
  if not found or not private.covers_day_session(v_shift.session_id) then
    perform private.refuse('not_found');
  end if;
  return v_shift;
end;
$$;
comment on function private.lock_day_shift(bigint) is
  'Locks a shift for the actions of the day at the site (check in, walk-in number, calling): officers of its scope and its volunteers; refuses not_allowed for non-staff, not_found for any other.';

-- =====================================================================
-- The day's roster
-- =====================================================================

-- Every booking and walk-in of a session's shifts, as the day page lists and counts them: each as
-- private.queue_entry shows it, so a volunteer gets numbers and names only, as everywhere (the
-- tables' policies give a volunteer nothing).
create function public.staff_day_queue(p_session_id bigint)
returns jsonb
language plpgsql
stable
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
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    if not exists (select 1 from public.intake_sessions where id = p_session_id) or not private.covers_day_session(p_session_id) then
      perform private.refuse('not_found');
    end if;
    return coalesce((
      select jsonb_agg(private.queue_entry(held.shift_id, held.queue_no) order by held.shift_id, held.queue_no)
      from (
        select b.shift_id, b.queue_no from public.bookings b join public.shifts s on s.id = b.shift_id where s.session_id = p_session_id
        union all
        select w.shift_id, w.queue_no from public.walk_ins w join public.shifts s on s.id = w.shift_id where s.session_id = p_session_id
      ) held), '[]'::jsonb);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_day_queue');
  end;
end;
$$;
comment on function public.staff_day_queue(bigint) is
  'The bookings and walk-ins of a session for the day page, as private.queue_entry shows them: officers of its scope in full, its volunteers as numbers and names.';

revoke execute on function public.staff_day_queue(bigint) from public;
grant execute on function public.staff_day_queue(bigint) to authenticated;

-- =====================================================================
-- The queue
-- =====================================================================

-- One person of the queue, booked or walked in, as the staff console shows them: a volunteer gets
-- no birth date (nor any other personal field).
create function private.queue_entry(p_shift_id bigint, p_queue_no integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('kind', 'booking', 'code', b.code, 'queue_no', b.queue_no, 'status', b.status,
                               'full_name', b.full_name,
                               'birth_date', case when not private.is_site_bound() then b.birth_date end,
                               'shift_id', b.shift_id, 'called_at', b.called_at)
     from public.bookings b where b.shift_id = p_shift_id and b.queue_no = p_queue_no),
    (select jsonb_build_object('kind', 'walk_in', 'code', null, 'queue_no', w.queue_no, 'status', w.status,
                               'full_name', null, 'birth_date', null, 'shift_id', w.shift_id,
                               'called_at', w.called_at)
     from public.walk_ins w where w.shift_id = p_shift_id and w.queue_no = p_queue_no))
$$;
comment on function private.queue_entry(bigint, integer) is 'The booking or walk-in holding a queue number in a shift.';

-- The order of calling: among the people here (checked in) whom no call has reached yet, the
-- lowest queue number first. A late arrival with a booked number is taken in at the next call, a
-- walk-in after the booked numbers below theirs; the officer reads the order off the roster.
-- The console shows who was called (as it reads the rest of a booking: 05_bookings.sql).
grant select (called_at) on public.bookings to authenticated;

insert into private.refusal_statuses (code, status) values
  ('not_present', 409),
  ('not_marked', 409),
  ('day_over', 409);

-- Checks a booked person in: a person marked not come who turns up after all is checked in too,
-- and waits for a call again. Checking in someone already checked in (the answer was lost, or a
-- second officer scanned the same ticket) answers them as they are.
create function public.staff_check_in(p_code text)
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

-- p_request_key: made once per press of the button; the same key answers the same number.
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

-- Calls a number: the public board shows it, the console shows its holder as called.
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

-- p_now_serving: the number the officer saw being served (0 before the first call). When the
-- shift has moved on from it, this press was already answered (a request sent again after a
-- dropped answer, or another officer's call): it answers the number being served, calling no one.
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

-- Calls one number, out of turn or again: someone who did not hear their number, or someone the
-- officer picks. Only a person who is here can be called.
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

-- Served needs the person here (checked in); not come can be said of anyone still expected.
create function public.staff_mark(p_shift_id bigint, p_queue_no integer, p_status text)
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

-- Takes back "served" or "not come", on the session's day only (the next day the counts stand).
-- The person is back where they were: served ones were here; one marked not come was here if a
-- call had reached them (only people here are called), else still expected. Audited as any update.
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

-- =====================================================================
-- Calling a session off, moving it
-- =====================================================================

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

-- =====================================================================
-- The public queue board
-- =====================================================================

-- Which number is being served in each shift of a session, and the numbers called before it whose
-- holders have not been seen to yet (someone who missed their call finds it here); anyone can read
-- it. Security definer to read when numbers were called, of which it shows numbers only.
create function public.now_serving_board(p_session_id bigint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- 200 phones polling one board every 10 s: a cached answer for 5 s serves them all.
  select private.cache_for(5);
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

revoke execute on function public.now_serving_board(bigint) from public;
grant execute on function public.now_serving_board(bigint) to anon, authenticated;
