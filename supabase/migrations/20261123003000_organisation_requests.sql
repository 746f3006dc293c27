-- Schools, enterprises and agencies ask for a mobile session on their premises. Anyone may send
-- a request (through a rate-limited function); the officers whose scope covers the ward read it in
-- the staff console and mark it handled.

-- =====================================================================
-- Requests
-- =====================================================================

create table public.organisation_requests (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('school', 'enterprise', 'agency')),
  name text not null check (length(name) between 3 and 200),
  ward_id integer not null references public.admin_units (id),
  address text not null check (length(address) between 3 and 300),
  expected_people integer not null check (expected_people between 1 and 5000),
  contact_name text not null check (length(contact_name) between 2 and 100),
  contact_phone text not null check (contact_phone ~ '^0[35789][0-9]{8}$'),
  contact_email text check (length(contact_email) <= 200 and contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  preferred_from date not null,
  preferred_to date not null,
  notes text check (length(notes) <= 1000),
  status text not null default 'new' check (status in ('new', 'handled')),
  created_at timestamptz not null default now(),
  check (preferred_to >= preferred_from)
);
comment on table public.organisation_requests is
  'A school, enterprise or agency asking for a mobile intake session on its premises: who, where, how many, whom to call, which dates suit.';
comment on column public.organisation_requests.status is
  'new until an officer of the ward''s scope has called the organisation back and marked it handled.';

create index organisation_requests_ward_id_created_at_idx on public.organisation_requests (ward_id, created_at desc);

alter table public.organisation_requests enable row level security;

create policy "Staff read the organisation requests of their scope"
  on public.organisation_requests for select to authenticated
  using (ward_id in (select private.staff_scope()));
create policy "Staff mark the organisation requests of their scope"
  on public.organisation_requests for update to authenticated
  using (ward_id in (select private.staff_scope()))
  with check (ward_id in (select private.staff_scope()));

revoke all on public.organisation_requests from anon, authenticated;
grant select on public.organisation_requests to authenticated;
grant update (status) on public.organisation_requests to authenticated;

create trigger organisation_requests_audit after update on public.organisation_requests
  for each row execute function private.audit_staff_change();

-- Strict: a request costs an officer a phone call. One office behind one address sends a few.
insert into private.rate_limit_rules (action, scope, max_hits, period) values
  ('org_request', 'ip', 5, interval '1 hour'),
  ('org_request', 'phone', 3, interval '1 day');

-- Security definer: anon may add a request but read none.
create function public.request_organisation_session(
  p_kind text,
  p_name text,
  p_ward text,
  p_address text,
  p_expected_people integer,
  p_contact_name text,
  p_contact_phone text,
  p_contact_email text,
  p_preferred_from date,
  p_preferred_to date,
  p_notes text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_phone(p_contact_phone);
  v_ward_id integer;
  v_id bigint;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  if not private.within_rate_limits('org_request', p_contact_phone) then
    return private.refusal('rate_limited');
  end if;
  begin
    if p_kind is null or p_kind not in ('school', 'enterprise', 'agency') then
      perform private.refuse('invalid_argument', '{"field": "kind"}');
    end if;
    if length(btrim(coalesce(p_name, ''))) not between 3 and 200 then
      perform private.refuse('invalid_argument', '{"field": "name"}');
    end if;
    -- The 2021 set: the one the intake sites, the search and the site's unit pickers use.
    select id into v_ward_id from public.admin_units where unit_set = '2021' and code = p_ward and level = 3;
    if v_ward_id is null then
      perform private.refuse('invalid_argument', '{"field": "ward"}');
    end if;
    if length(btrim(coalesce(p_address, ''))) not between 3 and 300 then
      perform private.refuse('invalid_argument', '{"field": "address"}');
    end if;
    if p_expected_people is null or p_expected_people not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "expected_people"}');
    end if;
    if length(btrim(coalesce(p_contact_name, ''))) not between 2 and 100 then
      perform private.refuse('invalid_argument', '{"field": "contact_name"}');
    end if;
    if v_phone is null then
      perform private.refuse('invalid_phone');
    end if;
    if nullif(btrim(p_contact_email), '') is not null
       and (length(btrim(p_contact_email)) > 200 or btrim(p_contact_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
      perform private.refuse('invalid_argument', '{"field": "contact_email"}');
    end if;
    if p_preferred_from is null or p_preferred_from < private.today() then
      perform private.refuse('invalid_argument', '{"field": "preferred_from"}');
    end if;
    if p_preferred_to is null or p_preferred_to < p_preferred_from or p_preferred_to > p_preferred_from + 180 then
      perform private.refuse('invalid_argument', '{"field": "preferred_to"}');
    end if;
    if length(coalesce(p_notes, '')) > 1000 then
      perform private.refuse('invalid_argument', '{"field": "notes"}');
    end if;
    insert into public.organisation_requests (kind, name, ward_id, address, expected_people, contact_name,
                                              contact_phone, contact_email, preferred_from, preferred_to, notes)
    values (p_kind, btrim(p_name), v_ward_id, btrim(p_address), p_expected_people, btrim(p_contact_name),
            v_phone, nullif(btrim(p_contact_email), ''), p_preferred_from, p_preferred_to, nullif(btrim(p_notes), ''))
    returning id into v_id;
    return jsonb_build_object('ok', true, 'id', v_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'request_organisation_session');
  end;
end;
$$;
comment on function public.request_organisation_session(text, text, text, text, integer, text, text, text, date, date, text) is
  'A school, enterprise or agency asks for a mobile session on site; the officers of the ward''s scope see it in the console. Rate-limited per IP and per phone.';

revoke execute on function public.request_organisation_session(text, text, text, text, integer, text, text, text, date, date, text) from public;
grant execute on function public.request_organisation_session(text, text, text, text, integer, text, text, text, date, date, text) to anon, authenticated;
