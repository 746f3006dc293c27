-- Personal data is kept only as long as it is needed (Decree 13/2023/NĐ-CP, then the Personal Data
-- Protection Law 91/2025/QH15). Daily, the scheduled job purge-personal-data (end of this file) calls
-- purge_personal_data: after the retention period (private.retention_periods) past the session date,
-- names, dates of birth, ID numbers and phones of bookings are cleared and the bookings stay as
-- counts; closed home visits, handled organisation requests and old audit entries lose their
-- personal fields the same way. (Rate-limit counters go by their own job, every ten minutes:
-- private.purge_rate_limit_counters.)

-- =====================================================================
-- The retention periods
-- =====================================================================

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

-- =====================================================================
-- Home visits
-- =====================================================================

-- The person, the address, the requester and the outcome note of a closed request (done, could not
-- be done, cancelled) are cleared once the retention period has passed since it closed or its visit
-- day; the status, ward, reason and needs stay, for counts. A request still open a year after it
-- was sent and after its visit day was forgotten, not pending: it is closed as could_not and
-- cleared the same way.
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
comment on function private.purge_home_visits(date) is
  'Clears the personal fields of home visits closed before p_cutoff (and the notes of their history), closing as could_not those still open a year after they were sent and their visit day; returns how many.';

-- =====================================================================
-- Organisation requests
-- =====================================================================

-- Once a request is handled, the contact's name, phone, e-mail and the notes are cleared after the
-- retention period; a request nobody handled goes after a year. The organisation, ward, numbers
-- and dates stay, for planning.
create function private.purge_organisation_requests(p_cutoff date)
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
comment on function private.purge_organisation_requests(date) is
  'Clears the contact data of organisation requests handled before p_cutoff or sent over a year ago; returns how many.';

-- =====================================================================
-- Sign-up links
-- =====================================================================

-- The coordinator's phone a link keeps for messages about its session is cleared once the session
-- is past the retention period, like the bookings made through the link.
create function private.purge_signup_links(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.signup_links l
  set contact_phone = null, messages_lang = null
  from public.intake_sessions sess
  where sess.id = l.session_id and l.contact_phone is not null and sess.session_date < p_cutoff;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.purge_signup_links(date) is
  'Clears the coordinator''s phone of sign-up links whose session was before p_cutoff; returns how many.';

-- =====================================================================
-- Messages
-- =====================================================================

-- A message holds a phone, maybe an e-mail and booking codes: it goes once the retention period
-- has passed since it was due (sent by then, or voided).
create function private.purge_messages(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from public.outbox_messages m
  where (m.send_after at time zone 'Asia/Ho_Chi_Minh')::date < p_cutoff;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.purge_messages(date) is 'Deletes the outbox messages due before p_cutoff; returns how many.';

-- =====================================================================
-- The audit log
-- =====================================================================

-- The audit log keeps who changed what, but not personal data beyond the retention period: it
-- copies whole rows, so the purge clears the personal columns of old entries too. The columns are
-- listed here, per table, so a new table with personal data adds rows instead of code.
create table private.personal_columns (
  table_name text not null,
  column_name text not null,
  primary key (table_name, column_name)
);
comment on table private.personal_columns is
  'The personal-data columns of audited tables, cleared from audit_log entries older than the retention period.';

insert into private.personal_columns (table_name, column_name)
select 'bookings', unnest(array['full_name', 'birth_date', 'id_number', 'org_group'])
union all
select 'home_visit_requests', unnest(array['full_name', 'name_key', 'birth_date', 'old_id_number', 'street_address', 'landmark',
                                           'lat', 'lng', 'ethnic_language', 'reason_other', 'requester_name',
                                           'requester_phone', 'outcome_note', 'messages_email'])
union all
select 'organisation_requests', unnest(array['contact_name', 'contact_phone', 'contact_email', 'notes'])
union all
select 'signup_links', 'contact_phone';

create function private.purge_audit_log(p_cutoff date)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  with personal as (
    select table_name, array_agg(column_name) as columns from private.personal_columns group by table_name)
  update public.audit_log a
  set before = a.before - p.columns, after = a.after - p.columns
  from personal p
  where a.table_name = p.table_name
    and (a.at at time zone 'Asia/Ho_Chi_Minh')::date < p_cutoff
    and (coalesce(a.before ?| p.columns, false) or coalesce(a.after ?| p.columns, false));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.purge_audit_log(date) is
  'Clears the personal columns from audit_log entries made before p_cutoff; returns how many entries.';

-- =====================================================================
-- The daily purge
-- =====================================================================

-- The scheduled job calls it without an argument: the period is then private.retention_periods';
-- the argument is for a one-off run with another period.
create function public.purge_personal_data(p_retention_days integer default null)
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

revoke execute on function public.purge_personal_data(integer) from public;
grant execute on function public.purge_personal_data(integer) to service_role;

-- Daily at 03:00 in Viet Nam (private.cron_schedule), when nobody books.
insert into private.scheduled_jobs (name, every, command, comment) values
  ('purge-personal-data', interval '24 hours', 'select public.purge_personal_data()',
   'Clears the personal data kept past its retention period (private.retention_periods), keeping the counts.');
