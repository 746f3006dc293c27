-- Organisation requests keep their contact person only as long as needed (Decree 13/2023/NĐ-CP):
-- once a request is handled, the daily purge clears the contact's name, phone, e-mail and the notes
-- after the retention period; a request nobody handled goes after a year. The organisation, ward,
-- numbers and dates stay, for planning.

alter table public.organisation_requests
  add column handled_at timestamptz,
  add column purged_at timestamptz,
  alter column contact_name drop not null,
  alter column contact_phone drop not null,
  add constraint organisation_requests_contact_until_purged
    check (purged_at is not null or (contact_name is not null and contact_phone is not null));
comment on column public.organisation_requests.handled_at is
  'When an officer marked the request handled (set by a trigger); the retention period runs from it.';
comment on column public.organisation_requests.purged_at is
  'When the contact person''s data was cleared by purge_personal_data.';

-- Officers write only `status`; the time it was handled follows from it.
create function private.organisation_request_handled_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.handled_at := case when new.status = 'handled' then now() end;
  end if;
  return new;
end;
$$;
comment on function private.organisation_request_handled_at() is
  'Trigger: records when an organisation request is marked handled (cleared when it is reopened).';

create trigger organisation_requests_handled_at before update on public.organisation_requests
  for each row execute function private.organisation_request_handled_at();

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
      or (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date < private.today() - 365);
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.purge_organisation_requests(date) is
  'Clears the contact data of organisation requests handled before p_cutoff or sent over a year ago; returns how many.';

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
                                           'requester_phone', 'outcome_note'])
union all
select 'organisation_requests', unnest(array['contact_name', 'contact_phone', 'contact_email', 'notes']);

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

-- The daily purge, as in 20261123000900_retention.sql, now with home visits
-- (20261123002100_home_visit_retention.sql), organisation requests and the audit log.
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
  v_org_requests integer;
  v_audit integer;
  v_hits integer;
begin
  if p_retention_days is null or p_retention_days not between 0 and 3650 then
    raise exception 'p_retention_days must be between 0 and 3650' using errcode = '22023';
  end if;
  v_cutoff := private.today() - p_retention_days;

  update public.bookings b
  set full_name = null, birth_date = null, id_number = null, org_group = null, purged_at = now(), updated_at = now()
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
  v_org_requests := private.purge_organisation_requests(v_cutoff);
  v_audit := private.purge_audit_log(v_cutoff);

  delete from private.rate_limit_hits where at < now() - interval '1 day';
  get diagnostics v_hits = row_count;

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'organisation_requests', v_org_requests,
                            'audit_entries', v_audit, 'rate_limit_hits', v_hits);
end;
$$;
