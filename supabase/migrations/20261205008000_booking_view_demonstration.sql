-- The ticket of a booking in a demonstration campaign (campaigns.demonstration) says the session is
-- not real: booking_view's session carries the campaign's flag. Same signature: replaced in place,
-- its grants kept.
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
            'cancelled_at', sess.cancelled_at, 'cancel_reason', sess.cancel_reason,
            'demonstration', c.demonstration),
          'site', jsonb_build_object('id', site.id, 'name', site.name, 'kind', site.kind,
            'address', site.address, 'access_notes', site.access_notes, 'lat', site.lat, 'lng', site.lng))
        order by b.status = 'cancelled', s.starts_at, b.queue_no)
      from public.bookings b
      join public.shifts s on s.id = b.shift_id
      join public.intake_sessions sess on sess.id = s.session_id
      join public.campaigns c on c.id = sess.campaign_id
      join public.intake_sites site on site.id = sess.site_id
      where b.group_id = g.id)
  )
  from public.booking_groups g
  where g.id = p_group_id
$$;
comment on function private.booking_view(uuid, text) is
  'The JSON a citizen gets back for a booking group: people, codes, queue numbers, shift, session (with its campaign''s demonstration flag) and site.';
