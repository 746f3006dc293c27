-- nearest_alternatives offers the shifts nearest in time and place in tiers (the same session,
-- then the same day by distance, then other days), and only shifts that can take the group
-- (p_places). The signature changes: the old function is dropped and made again, with its grants.
drop function public.nearest_alternatives(bigint, integer);

-- Offered when a shift is full or its session is cancelled: the shifts nearest in time and place
-- that can still take the people, in tiers: the same session's other shifts, then the same day's
-- other sessions by distance, then other days (the nearest day first, then by distance); within a
-- session, the shift nearest to the chosen one's hour of the day first. Never a shift that cannot
-- take them: unpublished, cancelled, past its booking cut-off (shifts.booking_closes_at, the
-- engine's own rule) or with fewer places left than p_places.
create function public.nearest_alternatives(p_shift_id bigint, p_limit integer default 5, p_places integer default 1)
returns table (
  session_id bigint,
  session_date date,
  site_name text,
  address text,
  distance_km double precision,
  shift_id bigint,
  starts_at timestamptz,
  ends_at timestamptz,
  places_left integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with origin as (
    select site.lat, site.lng, sess.campaign_id, sess.id as session_id, sess.session_date, s.starts_at
    from public.shifts s
    join public.intake_sessions sess on sess.id = s.session_id
    join public.intake_sites site on site.id = sess.site_id
    where s.id = p_shift_id
  ),
  candidates as (
    select sess.id as session_id, sess.session_date, site.name, site.address,
           private.distance_km(o.lat, o.lng, site.lat, site.lng) as distance,
           s.id as shift_id, s.starts_at, s.ends_at, s.capacity - s.booked as places_left,
           case when sess.id = o.session_id then 0 when sess.session_date = o.session_date then 1 else 2 end as tier,
           abs(sess.session_date - o.session_date) as days_away,
           -- by the hour of the day, so that on another day the same shift of the day comes first
           abs(extract(epoch from (s.starts_at at time zone 'Asia/Ho_Chi_Minh')::time
                                - (o.starts_at at time zone 'Asia/Ho_Chi_Minh')::time)) as seconds_away
    from origin o
    join public.intake_sessions sess on sess.campaign_id = o.campaign_id
    join public.intake_sites site on site.id = sess.site_id
    join public.shifts s on s.session_id = sess.id
    where sess.published
      and sess.cancelled_at is null
      and s.id <> p_shift_id
      and s.capacity - s.booked >= greatest(p_places, 1)
      and now() < s.booking_closes_at
  )
  select c.session_id, c.session_date, c.name, c.address, round(c.distance::numeric, 2)::double precision,
         c.shift_id, c.starts_at, c.ends_at, c.places_left
  from candidates c
  order by c.tier, c.days_away, c.distance, c.seconds_away, c.shift_id
  limit least(greatest(p_limit, 1), 20)
$$;
comment on function public.nearest_alternatives(bigint, integer, integer) is
  'Shifts of the same campaign that can take p_places people, nearest to the given shift: its session''s other shifts, then the same day by distance, then other days by how far in days, then distance.';

revoke execute on function public.nearest_alternatives(bigint, integer, integer) from public;
grant execute on function public.nearest_alternatives(bigint, integer, integer) to anon, authenticated;
