-- Staff writes through functions. The staff console used to write the tables itself under RLS:
-- creating a session was a site, a session and its shifts in separate requests, so a failure in
-- the middle left a session without shifts. Each staff action is now one function, like the day of
-- intake's: one transaction, the officer's scope checked first, refusals as stable codes, every
-- change audited by the tables' triggers. The direct write grants and policies go; reads stay.

insert into private.refusal_statuses (code, status) values
  ('capacity_below_booked', 409);

-- =====================================================================
-- Sites
-- =====================================================================

-- A site as the console sends it ({ward_id, kind, name, address, lat, lng, access_notes}),
-- checked field by field so a refusal names the field; the ward must be in the officer's scope.
create function private.checked_site(p_site jsonb)
returns public.intake_sites
language plpgsql
stable
set search_path = ''
as $$
declare
  v_site public.intake_sites;
begin
  if jsonb_typeof(p_site) is distinct from 'object' then
    perform private.refuse('invalid_argument', '{"field": "site"}');
  end if;
  -- Each value is cast only once its type is known, in a statement of its own: Postgres does not
  -- promise to evaluate the operands of `or` in order.
  if jsonb_typeof(p_site -> 'ward_id') is distinct from 'number' or p_site ->> 'ward_id' !~ '^[0-9]{1,9}$' then
    perform private.refuse('invalid_argument', '{"field": "ward_id"}');
  end if;
  v_site.ward_id := (p_site ->> 'ward_id')::integer;
  if v_site.ward_id not in (select private.staff_scope()) then
    perform private.refuse('not_found', '{"field": "ward_id"}');
  end if;
  v_site.kind := p_site ->> 'kind';
  if v_site.kind is null or v_site.kind not in ('police_station', 'commune_hall', 'school', 'enterprise', 'other') then
    perform private.refuse('invalid_argument', '{"field": "kind"}');
  end if;
  v_site.name := btrim(p_site ->> 'name');
  if length(coalesce(v_site.name, '')) not between 3 and 200 then
    perform private.refuse('invalid_argument', '{"field": "name"}');
  end if;
  v_site.address := btrim(p_site ->> 'address');
  if length(coalesce(v_site.address, '')) not between 3 and 300 then
    perform private.refuse('invalid_argument', '{"field": "address"}');
  end if;
  if jsonb_typeof(p_site -> 'lat') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  v_site.lat := (p_site ->> 'lat')::double precision;
  if v_site.lat not between 8 and 24 then
    perform private.refuse('invalid_argument', '{"field": "lat"}');
  end if;
  if jsonb_typeof(p_site -> 'lng') is distinct from 'number' then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  v_site.lng := (p_site ->> 'lng')::double precision;
  if v_site.lng not between 102 and 118 then
    perform private.refuse('invalid_argument', '{"field": "lng"}');
  end if;
  -- Empty notes are stored as null: the schedules then show nothing rather than an empty line.
  v_site.access_notes := nullif(btrim(p_site ->> 'access_notes'), '');
  if length(coalesce(v_site.access_notes, '')) > 500 then
    perform private.refuse('invalid_argument', '{"field": "access_notes"}');
  end if;
  return v_site;
end;
$$;
comment on function private.checked_site(jsonb) is
  'Checks a site sent by the staff console; refuses not_found for a ward outside the officer''s scope, invalid_argument naming any other field.';

create function public.staff_update_site(p_site_id bigint, p_site jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_site public.intake_sites;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    perform 1 from public.intake_sites where id = p_site_id and ward_id in (select private.staff_scope()) for update;
    if not found then
      perform private.refuse('not_found');
    end if;
    v_site := private.checked_site(p_site);
    update public.intake_sites
    set ward_id = v_site.ward_id, kind = v_site.kind, name = v_site.name, address = v_site.address,
        lat = v_site.lat, lng = v_site.lng, access_notes = v_site.access_notes
    where id = p_site_id;
    return jsonb_build_object('ok', true, 'site_id', p_site_id);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_update_site');
  end;
end;
$$;
comment on function public.staff_update_site(bigint, jsonb) is
  'Corrects a site of the officer''s scope (name, kind, address, ward in the scope, coordinates, access notes).';

-- =====================================================================
-- Sessions and shifts
-- =====================================================================

create function public.staff_create_session(
  p_campaign_id integer,
  p_date date,
  p_shifts jsonb,
  p_site_id bigint default null,
  p_new_site jsonb default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_site_id bigint := p_site_id;
  v_site public.intake_sites;
  v_session_id bigint;
  v_plan record;
  v_start text;
  v_end text;
  v_starts_at timestamptz;
  v_ends_at timestamptz;
  v_capacity integer;
  v_shift_ids bigint[] := '{}';
  v_shift_id bigint;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    -- Where: a site of the scope, or a new one in a ward of the scope (added with the session, so
    -- a refused session leaves no site behind either).
    if (p_site_id is null) = (p_new_site is null) then
      perform private.refuse('invalid_argument', '{"field": "site"}');
    elsif p_site_id is not null then
      if private.site_ward(p_site_id) is null or private.site_ward(p_site_id) not in (select private.staff_scope()) then
        perform private.refuse('not_found', '{"field": "site"}');
      end if;
    else
      v_site := private.checked_site(p_new_site);
      insert into public.intake_sites (ward_id, kind, name, address, lat, lng, access_notes)
      values (v_site.ward_id, v_site.kind, v_site.name, v_site.address, v_site.lat, v_site.lng, v_site.access_notes)
      returning id into v_site_id;
    end if;
    -- A campaign of the site's province.
    if not exists (
      with recursive up as (
        select u.id, u.parent_id from public.admin_units u where u.id = private.site_ward(v_site_id)
        union all
        select u.id, u.parent_id from public.admin_units u join up on u.id = up.parent_id
      )
      select 1 from public.campaigns c join up on up.id = c.province_id where c.id = p_campaign_id
    ) then
      perform private.refuse('campaign_not_found');
    end if;
    if p_date is null or p_date < private.today() then
      perform private.refuse('invalid_argument', '{"field": "date"}');
    end if;
    -- Sessions start as drafts: publishing is its own step, with its notice warning.
    insert into public.intake_sessions (campaign_id, site_id, session_date, published)
    values (p_campaign_id, v_site_id, p_date, false)
    on conflict (site_id, session_date) do nothing
    returning id into v_session_id;
    if v_session_id is null then
      perform private.refuse('session_exists');
    end if;

    if jsonb_typeof(p_shifts) is distinct from 'array' or jsonb_array_length(p_shifts) not between 1 and 6 then
      perform private.refuse('invalid_argument', '{"field": "shifts"}');
    end if;
    -- Times of day in Viet Nam ("07:00"), as the console's form has them, the same rules as its
    -- checks: a real time, the end after the start, 1 to 5000 places, no overlap with an earlier
    -- shift. The shift's index is in the details.
    for v_plan in select value as plan, ordinality - 1 as index from jsonb_array_elements(p_shifts) with ordinality loop
      v_start := v_plan.plan ->> 'start';
      v_end := v_plan.plan ->> 'end';
      if coalesce(v_start, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' or coalesce(v_end, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
         or v_end <= v_start
         or jsonb_typeof(v_plan.plan -> 'capacity') is distinct from 'number' or v_plan.plan ->> 'capacity' !~ '^[0-9]{1,4}$' then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
      v_capacity := (v_plan.plan ->> 'capacity')::integer;
      if v_capacity not between 1 and 5000 then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
      v_starts_at := (p_date + v_start::time) at time zone 'Asia/Ho_Chi_Minh';
      v_ends_at := (p_date + v_end::time) at time zone 'Asia/Ho_Chi_Minh';
      if exists (select 1 from public.shifts where session_id = v_session_id and starts_at < v_ends_at and v_starts_at < ends_at) then
        perform private.refuse('invalid_argument', jsonb_build_object('field', 'shifts', 'shift', v_plan.index));
      end if;
      insert into public.shifts (session_id, starts_at, ends_at, capacity)
      values (v_session_id, v_starts_at, v_ends_at, v_capacity)
      returning id into v_shift_id;
      v_shift_ids := v_shift_ids || v_shift_id;
    end loop;
    return jsonb_build_object('ok', true, 'session_id', v_session_id, 'site_id', v_site_id, 'shift_ids', to_jsonb(v_shift_ids));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_create_session');
  end;
end;
$$;
comment on function public.staff_create_session(integer, date, jsonb, bigint, jsonb) is
  'Creates a draft session with its shifts, at a site of the officer''s scope or a new one: all of it or nothing.';

create function public.staff_set_session_published(p_session_id bigint, p_published boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    perform private.lock_staff_session(p_session_id);
    if p_published is null then
      perform private.refuse('invalid_argument', '{"field": "published"}');
    end if;
    update public.intake_sessions set published = p_published where id = p_session_id;
    return jsonb_build_object('ok', true, 'session_id', p_session_id, 'published', p_published);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_set_session_published');
  end;
end;
$$;
comment on function public.staff_set_session_published(bigint, boolean) is
  'Publishes a session of the officer''s scope (citizens find and book it) or takes it back to draft.';

create function public.staff_set_shift_capacity(p_shift_id bigint, p_capacity integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_shift public.shifts;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    -- Locked: the booking functions lock the shift too, so `booked` cannot grow meanwhile.
    v_shift := private.lock_staff_shift(p_shift_id);
    if p_capacity is null or p_capacity not between 1 and 5000 then
      perform private.refuse('invalid_argument', '{"field": "capacity"}');
    end if;
    if p_capacity < v_shift.booked then
      perform private.refuse('capacity_below_booked', jsonb_build_object('booked', v_shift.booked));
    end if;
    update public.shifts set capacity = p_capacity where id = p_shift_id;
    return jsonb_build_object('ok', true, 'shift_id', p_shift_id, 'capacity', p_capacity, 'booked', v_shift.booked);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_set_shift_capacity');
  end;
end;
$$;
comment on function public.staff_set_shift_capacity(bigint, integer) is
  'Changes the places of a shift of the officer''s scope, never below the places booked (capacity_below_booked).';

-- =====================================================================
-- Daily counts
-- =====================================================================

create function public.staff_record_daily_count(
  p_campaign_id integer,
  p_unit_id integer,
  p_day date,
  p_applications integer,
  p_walk_ins integer
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count public.daily_intake_counts;
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    if p_unit_id is null or p_unit_id not in (select private.staff_scope()) then
      perform private.refuse('not_found');
    end if;
    if not exists (select 1 from public.campaigns where id = p_campaign_id) then
      perform private.refuse('campaign_not_found');
    end if;
    if p_day is null then
      perform private.refuse('invalid_argument', '{"field": "day"}');
    end if;
    if p_applications is null or p_applications < 0 then
      perform private.refuse('invalid_argument', '{"field": "applications"}');
    end if;
    if p_walk_ins is null or p_walk_ins not between 0 and p_applications then
      perform private.refuse('invalid_argument', '{"field": "walk_ins"}');
    end if;
    -- One row per unit and day: a new figure replaces the earlier one, which the audit log keeps.
    insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins, updated_by)
    values (p_campaign_id, p_unit_id, p_day, p_applications, p_walk_ins, (select auth.uid()))
    on conflict (campaign_id, unit_id, day) do update
    set applications = excluded.applications, walk_ins = excluded.walk_ins, updated_by = excluded.updated_by, updated_at = now()
    returning * into v_count;
    return jsonb_build_object('ok', true, 'campaign_id', v_count.campaign_id, 'unit_id', v_count.unit_id, 'day', v_count.day,
                              'applications', v_count.applications, 'walk_ins', v_count.walk_ins, 'updated_at', v_count.updated_at);
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_record_daily_count');
  end;
end;
$$;
comment on function public.staff_record_daily_count(integer, integer, date, integer, integer) is
  'Records the applications (walk-ins among them) a unit of the officer''s scope took on a day, replacing an earlier figure.';

-- =====================================================================
-- Organisation requests
-- =====================================================================

create function public.staff_mark_organisation_request_handled(p_request_id bigint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sqlstate text;
  v_message text;
  v_detail text;
begin
  begin
    if not private.is_staff() then
      perform private.refuse('not_allowed');
    end if;
    perform 1 from public.organisation_requests where id = p_request_id and ward_id in (select private.staff_scope()) for update;
    if not found then
      perform private.refuse('not_found');
    end if;
    -- Marked once: the retention period runs from the first time (handled_at, set by a trigger).
    update public.organisation_requests set status = 'handled' where id = p_request_id and status <> 'handled';
    return jsonb_build_object('ok', true, 'request_id', p_request_id, 'status', 'handled');
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
    return private.answer_error(v_sqlstate, v_message, v_detail, 'staff_mark_organisation_request_handled');
  end;
end;
$$;
comment on function public.staff_mark_organisation_request_handled(bigint) is
  'Marks an organisation request of the officer''s scope handled (the organisation was called back).';

revoke execute on function public.staff_update_site(bigint, jsonb), public.staff_create_session(integer, date, jsonb, bigint, jsonb),
  public.staff_set_session_published(bigint, boolean), public.staff_set_shift_capacity(bigint, integer),
  public.staff_record_daily_count(integer, integer, date, integer, integer),
  public.staff_mark_organisation_request_handled(bigint) from public;
grant execute on function public.staff_update_site(bigint, jsonb), public.staff_create_session(integer, date, jsonb, bigint, jsonb),
  public.staff_set_session_published(bigint, boolean), public.staff_set_shift_capacity(bigint, integer),
  public.staff_record_daily_count(integer, integer, date, integer, integer),
  public.staff_mark_organisation_request_handled(bigint) to authenticated;

-- =====================================================================
-- No more direct staff writes (reads stay as they are)
-- =====================================================================

drop policy "Staff add sites in their scope" on public.intake_sites;
drop policy "Staff change the sites of their scope" on public.intake_sites;
drop policy "Staff add sessions at sites of their scope" on public.intake_sessions;
drop policy "Staff change the sessions of their scope" on public.intake_sessions;
drop policy "Staff add shifts to sessions of their scope" on public.shifts;
drop policy "Staff change the shifts of their scope" on public.shifts;
drop policy "Staff remove shifts nobody has booked" on public.shifts;
drop policy "Staff record the daily counts of their scope" on public.daily_intake_counts;
drop policy "Staff correct the daily counts of their scope" on public.daily_intake_counts;
drop policy "Staff mark the organisation requests of their scope" on public.organisation_requests;

-- Revoking a table privilege revokes the column privileges of that kind too.
revoke insert, update on public.intake_sites from authenticated;
revoke insert, update on public.intake_sessions from authenticated;
revoke insert, update, delete on public.shifts from authenticated;
revoke insert, update on public.daily_intake_counts from authenticated;
revoke update on public.organisation_requests from authenticated;
