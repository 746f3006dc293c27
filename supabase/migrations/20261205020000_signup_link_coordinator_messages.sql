-- A sign-up link's session changed: the officer making a link may give the coordinator's mobile
-- and language when the coordinator agreed to messages; a session called off, moved or taken off
-- the schedule then writes one signup_session_changed message per such link, and the daily purge
-- clears the phone with the session's other personal data.

alter table public.signup_links
  add column contact_phone text check (contact_phone ~ '^0[35789][0-9]{8}$'),
  add column messages_lang text check (messages_lang in ('vi', 'en')),
  add check ((contact_phone is null) = (messages_lang is null));

drop function public.staff_create_signup_link(bigint, text, text, integer, timestamptz);
create function public.staff_create_signup_link(
  p_session_id bigint,
  p_org_name text,
  p_org_kind text,
  p_places integer,
  p_closes_at timestamptz,
  p_coordinator jsonb default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.intake_sessions;
  v_coordinator_token text := private.new_link_token();
  v_link public.signup_links;
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
  v_phone text := p_coordinator ->> 'phone';
  v_lang text := p_coordinator ->> 'lang';
begin
  begin
    v_session := private.lock_staff_session(p_session_id);
    if v_session.cancelled_at is not null or v_session.session_date < private.today() then
      perform private.refuse('shift_unavailable');
    end if;
    -- The coordinator who agreed to messages: {"phone", "lang"}, or null.
    if p_coordinator is not null and p_coordinator <> 'null'::jsonb
       and (jsonb_typeof(p_coordinator) <> 'object' or v_phone is null or v_phone !~ '^0[35789][0-9]{8}$'
            or v_lang is null or v_lang not in ('vi', 'en')
            or exists (select 1 from jsonb_object_keys(p_coordinator) k where k not in ('phone', 'lang'))) then
      perform private.refuse('invalid_argument', '{"field": "coordinator"}');
    end if;
    if length(btrim(coalesce(p_org_name, ''))) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "org_name"}');
    end if;
    if p_org_kind is null or p_org_kind not in ('school', 'enterprise', 'agency') then
      perform private.refuse('invalid_argument', '{"field": "org_kind"}');
    end if;
    if p_places is null or p_places not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "places"}');
    end if;
    -- Sign-ups close by the end of the session's day at the latest.
    if p_closes_at is null or p_closes_at <= now()
       or p_closes_at > ((v_session.session_date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh') then
      perform private.refuse('invalid_argument', '{"field": "closes_at"}');
    end if;
    insert into public.signup_links (session_id, org_name, org_kind, places, closes_at, share_token, coordinator_token_hash, created_by,
                                     contact_phone, messages_lang)
    values (p_session_id, btrim(p_org_name), p_org_kind, p_places, p_closes_at, private.new_link_token(),
            private.sha256(v_coordinator_token), (select auth.uid()), v_phone, v_lang)
    returning * into v_link;
    return jsonb_build_object('id', v_link.id, 'share_token', v_link.share_token, 'coordinator_token', v_coordinator_token);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_create_signup_link');
  end;
end;
$$;
comment on function public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb) is
  'Makes a sign-up link for a session of the officer''s scope, with the coordinator''s phone and language when they agreed to messages; returns the share token and, this once, the coordinator''s token.';

revoke execute on function public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb) from public;
grant execute on function public.staff_create_signup_link(bigint, text, text, integer, timestamptz, jsonb) to authenticated;

create or replace function private.session_changed_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event text;
  v_about text;
  v_recipient record;
  v_payload jsonb;
begin
  if old.cancelled_at is null and new.cancelled_at is not null then
    v_event := 'session_cancelled';
    v_about := new.id::text;
  elsif old.session_date <> new.session_date then
    v_event := 'session_moved';
  elsif old.published and not new.published then
    v_event := 'session_unpublished';
  end if;
  if v_event is null then
    return null;
  end if;
  -- A session can move or leave the schedule more than once; each time is news.
  v_about := coalesce(v_about, new.id || ':' || (extract(epoch from now()) * 1000000)::bigint);

  for v_recipient in
    select g.contact_phone as phone,
           (array_agg(g.messages_lang order by g.consent_at desc))[1] as lang,
           (array_agg(g.messages_email order by g.consent_at desc))[1] as email,
           max(g.consent_at) as agreed_at,
           array_agg(b.id) as booking_ids
    from public.bookings b
    join public.shifts s on s.id = b.shift_id
    join public.booking_groups g on g.id = b.group_id
    where s.session_id = new.id and b.status = 'confirmed' and g.messages_lang is not null
    group by g.contact_phone
  loop
    v_payload := private.bookings_payload(v_recipient.booking_ids, v_recipient.lang);
    v_payload := v_payload || case v_event
      when 'session_cancelled' then jsonb_build_object('reason', new.cancel_reason)
      when 'session_moved' then jsonb_build_object('date', old.session_date, 'new_date', new.session_date,
                                                   'new_starts', v_payload -> 'starts', 'new_ends', v_payload -> 'ends')
      else '{}'::jsonb end;
    perform private.write_message(v_event, v_about, v_recipient.phone, v_recipient.lang, v_recipient.email,
                                  v_recipient.agreed_at, v_payload);
  end loop;

  -- The coordinators of the session's sign-up links who agreed: one message per link, about the
  -- session (no codes), linking to the public schedules (the link's own pages need its tokens).
  for v_recipient in
    select l.id, l.contact_phone as phone, l.messages_lang as lang, l.created_at as agreed_at,
           site.name, site.address,
           to_char(min(s.starts_at) at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') as starts,
           to_char(max(s.ends_at) at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') as ends
    from public.signup_links l
    join public.intake_sites site on site.id = new.site_id
    left join public.shifts s on s.session_id = new.id
    where l.session_id = new.id and l.contact_phone is not null
    group by l.id, site.id
  loop
    perform private.write_message('signup_session_changed', v_about || ':' || v_recipient.id, v_recipient.phone,
      v_recipient.lang, null, v_recipient.agreed_at,
      jsonb_strip_nulls(jsonb_build_object(
        'codes', '[]'::jsonb,
        'place', jsonb_build_object('name', v_recipient.name, 'address', v_recipient.address),
        'date', old.session_date,
        'new_date', case when v_event = 'session_moved' then new.session_date end,
        'new_starts', case when v_event = 'session_moved' then v_recipient.starts end,
        'new_ends', case when v_event = 'session_moved' then v_recipient.ends end,
        'reason', case when v_event = 'session_cancelled' then new.cancel_reason end,
        'link', '/' || v_recipient.lang || '/schedules/')));
  end loop;

  perform private.write_reminders(g.group_id)
  from (select distinct b.group_id from public.bookings b join public.shifts s on s.id = b.shift_id
        where s.session_id = new.id and b.status = 'confirmed') g;
  return null;
end;
$$;
comment on function private.session_changed_messages() is
  'Trigger: tells the people booked in a session, and the coordinators of its sign-up links who agreed, that it was called off, moved or taken off the schedule, and moves the reminders.';

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

insert into private.personal_columns (table_name, column_name) values ('signup_links', 'contact_phone');

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
  v_links integer;
  v_audit integer;
  v_messages integer;
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
  set contact_phone = null, messages_email = null, purged_at = now()
  where g.purged_at is null
    and not exists (select 1 from public.bookings b where b.group_id = g.id and b.purged_at is null);
  get diagnostics v_groups = row_count;

  v_home_visits := private.purge_home_visits(v_cutoff);
  v_org_requests := private.purge_organisation_requests(v_cutoff);
  v_links := private.purge_signup_links(v_cutoff);
  v_audit := private.purge_audit_log(v_cutoff);
  v_messages := private.purge_messages(v_cutoff);

  delete from private.rate_limit_hits where at < now() - interval '1 day';
  get diagnostics v_hits = row_count;

  return jsonb_build_object('cutoff', v_cutoff, 'bookings', v_bookings, 'groups', v_groups,
                            'home_visits', v_home_visits, 'organisation_requests', v_org_requests,
                            'signup_links', v_links,
                            'audit_entries', v_audit, 'messages', v_messages, 'rate_limit_hits', v_hits);
end;
$$;
comment on function public.purge_personal_data(integer) is
  'Clears personal fields of bookings whose session is more than p_retention_days old, keeping the counts; for the scheduled job (service_role).';
