-- A booking made through an organisation's sign-up link names the organisation, so the booking
-- page can say that moving to a public shift takes the person off the organisation's list (see
-- 20261123003300_link_booking_moved_out.sql) and how to change shift within its session instead.
-- The view is otherwise as in 20261123000700_booking_functions.sql, with the phone masked by
-- private.mask_phone (20261123002000_home_visits.sql).
create or replace function private.booking_view(p_group_id uuid, p_token text default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'ok', true,
    'token', p_token,
    'phone_masked', private.mask_phone(g.contact_phone),
    'bookings', (
      select jsonb_agg(jsonb_build_object(
          'code', b.code,
          'queue_no', b.queue_no,
          'status', b.status,
          'full_name', b.full_name,
          'application_kind', b.application_kind,
          'organisation', (select l.org_name from public.signup_links l where l.id = b.signup_link_id),
          'shift', jsonb_build_object('id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at),
          'session', jsonb_build_object('id', sess.id, 'date', sess.session_date,
            'cancelled_at', sess.cancelled_at, 'cancel_reason', sess.cancel_reason),
          'site', jsonb_build_object('id', site.id, 'name', site.name, 'kind', site.kind,
            'address', site.address, 'access_notes', site.access_notes, 'lat', site.lat, 'lng', site.lng))
        order by b.status = 'cancelled', s.starts_at, b.queue_no)
      from public.bookings b
      join public.shifts s on s.id = b.shift_id
      join public.intake_sessions sess on sess.id = s.session_id
      join public.intake_sites site on site.id = sess.site_id
      where b.group_id = g.id)
  )
  from public.booking_groups g
  where g.id = p_group_id
$$;
