-- Assisted booking (issue 15): an officer books for a person through the same engine as
-- book_places; the booking group records the officer, and bookings' inserts by staff are audited.

alter table public.booking_groups add column assisted_by uuid references auth.users (id);
comment on column public.booking_groups.assisted_by is
  'The officer who booked for the person (public.staff_book_places); null when the person booked themselves.';
create index booking_groups_assisted_by_idx on public.booking_groups (assisted_by);
grant select (assisted_by) on public.booking_groups to authenticated;

drop trigger bookings_audit on public.bookings;
-- Inserts too: a booking an officer makes for a person (assisted booking) is a staff change.
create trigger bookings_audit after insert or update on public.bookings
  for each row execute function private.audit_staff_change();

-- An officer books for a person who phones the commune or comes to the office, with the person's
-- phone or a relative's: the same engine and rules as book_places (capacity, queue numbers, the
-- same person, the phone's limit, the consent text the person agreed to, read out to them). The
-- officer's scope stands in for the per-address rate limit, which a commune office booking for a
-- queue of people from one address would hit. The booking group records the officer
-- (assisted_by), and the bookings' audit trigger logs each new booking under their name. The
-- answer leaves out the manage token: the person's private link is theirs, not the office's (the
-- ticket's code and phone open the booking). p_messages, the person's agreement to messages,
-- reaches private.place_booking once it takes it (issue 15, part F).
create function public.staff_book_places(
  p_shift_id bigint,
  p_people jsonb,
  p_phone text,
  p_consent text,
  p_idempotency_key text,
  p_messages jsonb default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_phone);
  v_answer jsonb;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    -- Not locked here: the engine locks the shift after the phone, the order every booking takes.
    if not exists (select 1 from public.shifts s
                   where s.id = p_shift_id and private.session_ward(s.session_id) in (select private.staff_scope())) then
      perform private.refuse('not_found');
    end if;
    if p_idempotency_key is null or p_idempotency_key !~ '^[A-Za-z0-9_-]{22,64}$' then
      perform private.refuse('invalid_idempotency_key');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    v_answer := private.place_booking(p_shift_id, p_people, v_phone, p_idempotency_key, p_consent, null, p_messages);
    -- The group this call made (created in this transaction), not one a replay returned.
    update public.booking_groups set assisted_by = (select auth.uid())
    where idempotency_hash = private.sha256(p_idempotency_key) and created_at = now();
    return v_answer || '{"token": null}';
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_book_places');
  end;
end;
$$;
comment on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) is
  'An officer books 1–5 people into a shift of their scope for them, through the same engine as book_places, recorded as assisted by the officer and audited; answers without the manage token. Replays of the same idempotency key return the first result.';

revoke execute on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) from public;
grant execute on function public.staff_book_places(bigint, jsonb, text, text, text, jsonb) to authenticated;
