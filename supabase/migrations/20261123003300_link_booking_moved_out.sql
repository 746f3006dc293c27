-- A person who joined through an organisation's link and then moves their booking to a public
-- session elsewhere has left the organisation's session: the booking leaves the link, so the
-- coordinator's roster no longer lists them and the link's place is free for a classmate.
create function private.leave_link_when_moved_out()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.signup_link_id is not null and not exists (
    select 1
    from public.signup_links l
    join public.shifts s on s.session_id = l.session_id
    where l.id = new.signup_link_id and s.id = new.shift_id
  ) then
    new.signup_link_id := null;
    new.org_group := null;
  end if;
  return new;
end;
$$;
comment on function private.leave_link_when_moved_out() is
  'Trigger: a booking moved to a shift outside its sign-up link''s session leaves the link (and its class or department).';

create trigger bookings_leave_link_when_moved_out before update of shift_id on public.bookings
  for each row execute function private.leave_link_when_moved_out();
