-- The retention periods in one table (private.retention_periods), read by the purge and stated
-- by the privacy notice from src/content/privacy/retention.json; the purge runs daily as a
-- scheduled job (pg_cron where installed, supabase/local/jobs.ts on the local stack).

-- How long personal data is kept, in days: the purge reads them here, and the site's privacy
-- notice and consent texts state them from src/content/privacy/retention.json, which holds the same
-- rows (tests/db/retention.test.ts checks that both agree and that the purge keeps to them).
create table private.retention_periods (
  name text primary key check (name ~ '^[a-z][a-z_]*$'),
  days integer not null check (days between 0 and 3650),
  comment text not null
);
comment on table private.retention_periods is
  'How many days each kind of personal data is kept: the one setting the purge and the privacy notice state.';

insert into private.retention_periods (name, days, comment) values
  ('personal_data', 30,
   'Days after the session (the visit or the close of a home-visit request, the handling of an organisation request, a message''s due day) during which personal data is kept.'),
  ('unanswered_requests', 365,
   'Days after it was sent that a request nobody closed or handled is kept before its personal data is cleared.');

create function private.retention_days(p_name text)
returns integer
language plpgsql
stable
set search_path = ''
as $$
declare
  v_days integer;
begin
  select p.days into strict v_days from private.retention_periods p where p.name = p_name;
  return v_days;
end;
$$;
comment on function private.retention_days(text) is 'The days the named kind of personal data is kept (private.retention_periods).';


create or replace function private.purge_home_visits(p_cutoff date)
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
        requester_phone = null, outcome_note = null, messages_email = null, purged_at = now()
    where r.purged_at is null
      and ((r.status in ('done', 'could_not', 'cancelled')
            and greatest(r.scheduled_on, (r.updated_at at time zone 'Asia/Ho_Chi_Minh')::date) < p_cutoff)
        or (r.status in ('received', 'scheduled')
            and greatest(r.scheduled_on, (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date) < private.today() - private.retention_days('unanswered_requests')))
    returning r.id),
  notes as (
    update public.home_visit_events e set note = null from purged where e.request_id = purged.id and e.note is not null
    returning e.id)
  select count(*) into v_requests from purged;
  return v_requests;
end;
$$;

create or replace function private.purge_organisation_requests(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.organisation_requests r
  set contact_name = null, contact_phone = null, contact_email = null, notes = null, purged_at = now()
  where r.purged_at is null
    and ((r.status = 'handled' and (r.handled_at at time zone 'Asia/Ho_Chi_Minh')::date < p_cutoff)
      or (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date < private.today() - private.retention_days('unanswered_requests'));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- The scheduled job calls it without an argument: the period is then private.retention_periods';
-- the argument is for a one-off run with another period.
create or replace function public.purge_personal_data(p_retention_days integer default null)
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
  v_org_requests integer;
  v_links integer;
  v_audit integer;
  v_messages integer;
begin
  if p_retention_days not between 0 and 3650 then
    raise exception 'p_retention_days must be between 0 and 3650' using errcode = '22023';
  end if;
  -- Kept through the period's last day: a session on day D is cleared by the run of day D + days + 1.
  v_cutoff := private.today() - coalesce(p_retention_days, private.retention_days('personal_data'));

  update public.bookings b
  set full_name = null, birth_date = null, id_number = null, org_group = null, purged_at = now(), updated_at = now()
  from public.shifts s
  join public.intake_sessions sess on sess.id = s.session_id
  where b.shift_id = s.id and b.purged_at is null and sess.session_date < v_cutoff;
  get diagnostics v_bookings = row_count;

  -- A group's phone goes once none of its bookings still needs it.
  update public.booking_groups g
  set contact_phone = null, messages_email = null, purged_at = now()
  where g.purged_at is null
    and not exists (select 1 from public.bookings b where b.group_id = g.id and b.purged_at is null);
  get diagnostics v_groups = row_count;

  v_home_visits := private.purge_home_visits(v_cutoff);
  v_org_requests := private.purge_organisation_requests(v_cutoff);
  v_links := private.purge_signup_links(v_cutoff);
  v_audit := private.purge_audit_log(v_cutoff);
  v_messages := private.purge_messages(v_cutoff);

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'organisation_requests', v_org_requests,
                            'signup_links', v_links,
                            'audit_entries', v_audit, 'messages', v_messages);
end;
$$;
comment on function public.purge_personal_data(integer) is
  'Clears personal fields of bookings whose session is more than p_retention_days (by default the personal_data retention period) old, keeping the counts; for the scheduled job (service_role).';

-- Daily at 03:00 in Viet Nam (private.cron_schedule), when nobody books.
insert into private.scheduled_jobs (name, every, command, comment) values
  ('purge-personal-data', interval '24 hours', 'select public.purge_personal_data()',
   'Clears the personal data kept past its retention period (private.retention_periods), keeping the counts.');

select private.schedule_jobs();
