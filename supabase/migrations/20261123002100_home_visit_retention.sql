-- Home visits keep personal data only as long as needed (Decree 13/2023/NĐ-CP), as bookings do: the
-- daily purge clears the person, the address, the requester and the outcome note of a closed request (done, could
-- not be done, cancelled) once the retention period has passed since it closed or its visit day;
-- the status, ward, reason and needs stay, for counts. Open requests are never purged.

alter table public.home_visit_requests
  alter column full_name drop not null,
  alter column birth_date drop not null,
  alter column street_address drop not null,
  alter column requester_name drop not null,
  alter column requester_phone drop not null,
  add column purged_at timestamptz,
  add constraint home_visit_requests_purged_only_closed check (purged_at is null or status in ('done', 'could_not', 'cancelled')),
  add constraint home_visit_requests_personal_data_until_purged check (
    (purged_at is null) = (full_name is not null and birth_date is not null and street_address is not null
                           and requester_name is not null and requester_phone is not null));
-- The reason a visit could not be done may say something about the person: it goes too.
alter table public.home_visit_requests
  drop constraint home_visit_requests_could_not_has_note,
  add constraint home_visit_requests_could_not_has_note check (status <> 'could_not' or outcome_note is not null or purged_at is not null);

comment on column public.home_visit_requests.purged_at is
  'When the purge cleared the personal fields of this closed request.';

grant select (purged_at) on public.home_visit_requests to authenticated;

-- The transition trigger, as before, letting the purge clear the personal fields once.
create or replace function private.home_visit_transition()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status
     and not (old.status, new.status) in (
       ('received', 'scheduled'), ('received', 'could_not'), ('received', 'cancelled'),
       ('scheduled', 'done'), ('scheduled', 'could_not')) then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  -- A new date, window or team for a visit not yet scheduled or already over is no reschedule.
  if (new.scheduled_on, new.scheduled_from, new.scheduled_to, new.team_contact)
       is distinct from (old.scheduled_on, old.scheduled_from, old.scheduled_to, old.team_contact)
     and new.status <> 'scheduled' then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  if new.status = 'done' and old.status <> 'done' and new.scheduled_on > private.today() then
    perform private.refuse('invalid_transition', jsonb_build_object('from', old.status, 'to', new.status));
  end if;
  -- The family's preferred times matter until the visit is scheduled.
  if (new.preferred_days, new.preferred_periods) is distinct from (old.preferred_days, old.preferred_periods)
     and old.status <> 'received' then
    perform private.refuse('home_visit_not_open', jsonb_build_object('status', old.status));
  end if;
  -- Who the person is, where they live and who asked do not change after the request, except
  -- when the purge clears them.
  if (new.code, new.full_name, new.birth_date, new.ward_id, new.requester_phone, new.token_hash)
       is distinct from (old.code, old.full_name, old.birth_date, old.ward_id, old.requester_phone, old.token_hash)
     and not (old.purged_at is null and new.purged_at is not null) then
    perform private.refuse('invalid_argument', jsonb_build_object('field', 'request'));
  end if;
  -- Set here unless the statement sets it itself (tests age a request that way).
  if new.updated_at is not distinct from old.updated_at then
    new.updated_at := now();
  end if;
  return new;
end;
$$;

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
    set full_name = null, birth_date = null, old_id_number = null, street_address = null, landmark = null,
        lat = null, lng = null, ethnic_language = null, reason_other = null, requester_name = null,
        requester_phone = null, outcome_note = null, purged_at = now()
    where r.purged_at is null and r.status in ('done', 'could_not', 'cancelled')
      and greatest(r.scheduled_on, (r.updated_at at time zone 'Asia/Ho_Chi_Minh')::date) < p_cutoff
    returning r.id),
  notes as (
    update public.home_visit_events e set note = null from purged where e.request_id = purged.id and e.note is not null
    returning e.id)
  select count(*) into v_requests from purged;
  return v_requests;
end;
$$;
comment on function private.purge_home_visits(date) is
  'Clears the personal fields of home visits closed before p_cutoff (and the notes of their history); returns how many.';

-- The daily purge, as in 20261123000900_retention.sql, now with home visits.
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

  v_home_visits := private.purge_home_visits(v_cutoff);

  delete from private.rate_limit_hits where at < now() - interval '1 day';
  get diagnostics v_hits = row_count;

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'rate_limit_hits', v_hits);
end;
$$;
