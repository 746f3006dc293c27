-- Home visits keep personal data only as long as needed (Decree 13/2023/NĐ-CP), as bookings do:
-- the daily purge clears the person, the address, the requester and the outcome note of a closed
-- request (done, could not be done, cancelled) once the retention period has passed since it
-- closed or its visit day; the status, ward, reason and needs stay, for counts. A request still
-- open a year after it was sent and after its visit day was forgotten, not pending: it is closed as
-- could_not and cleared the same way. purge_personal_data calls it from 20261123003200_retention_of_requests_and_audit.sql,
-- which redefines the daily purge once for home visits and organisation requests.

create function private.purge_home_visits(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_requests integer;
begin
  with purged as (
    update public.home_visit_requests r
    set status = case when r.status in ('received', 'scheduled') then 'could_not' else r.status end,
        full_name = null, birth_date = null, old_id_number = null, street_address = null, landmark = null,
        lat = null, lng = null, ethnic_language = null, reason_other = null, requester_name = null,
        requester_phone = null, outcome_note = null, purged_at = now()
    where r.purged_at is null
      and ((r.status in ('done', 'could_not', 'cancelled')
            and greatest(r.scheduled_on, (r.updated_at at time zone 'Asia/Ho_Chi_Minh')::date) < p_cutoff)
        or (r.status in ('received', 'scheduled')
            and greatest(r.scheduled_on, (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date) < private.today() - 365))
    returning r.id),
  notes as (
    update public.home_visit_events e set note = null from purged where e.request_id = purged.id and e.note is not null
    returning e.id)
  select count(*) into v_requests from purged;
  return v_requests;
end;
$$;
comment on function private.purge_home_visits(date) is
  'Clears the personal fields of home visits closed before p_cutoff (and the notes of their history), closing as could_not those still open a year after they were sent and their visit day; returns how many.';
