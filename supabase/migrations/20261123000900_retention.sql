-- Personal data is kept only as long as it is needed (Decree 13/2023/NĐ-CP): after the retention
-- period past the session date, names, dates of birth, ID numbers and phones are cleared; the
-- bookings stay as counts. Run daily by a scheduled job with the secret key.

create function public.purge_personal_data(p_retention_days integer default 30)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cutoff date;
  v_bookings integer;
  v_groups integer;
  v_hits integer;
begin
  if p_retention_days is null or p_retention_days not between 0 and 3650 then
    raise exception 'p_retention_days must be between 0 and 3650' using errcode = '22023';
  end if;
  v_cutoff := private.today() - p_retention_days;

  update public.bookings b
  set full_name = null, birth_date = null, id_number = null, purged_at = now(), updated_at = now()
  from public.shifts s
  join public.intake_sessions sess on sess.id = s.session_id
  where b.shift_id = s.id and b.purged_at is null and sess.session_date < v_cutoff;
  get diagnostics v_bookings = row_count;

  -- A group's phone goes once none of its bookings still needs it.
  update public.booking_groups g
  set contact_phone = null, purged_at = now()
  where g.purged_at is null
    and not exists (select 1 from public.bookings b where b.group_id = g.id and b.purged_at is null);
  get diagnostics v_groups = row_count;

  delete from private.rate_limit_hits where at < now() - interval '1 day';
  get diagnostics v_hits = row_count;

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups, 'rate_limit_hits', v_hits);
end;
$$;
comment on function public.purge_personal_data(integer) is
  'Clears personal fields of bookings whose session is more than p_retention_days old, keeping the counts; for the scheduled job (service_role).';

revoke execute on function public.purge_personal_data(integer) from public;
grant execute on function public.purge_personal_data(integer) to service_role;
