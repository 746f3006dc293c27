-- The queue board of a session: which number is being served in each shift. Officers move it
-- ("call next", with the staff console); anyone can read it.

alter table public.shifts
  add column now_serving integer not null default 0 check (now_serving >= 0),
  add column now_serving_at timestamptz,
  add constraint shifts_now_serving_within_queue check (now_serving <= last_queue_no);
comment on column public.shifts.now_serving is
  'The queue number called last in this shift (0 before the first call).';

create function public.now_serving_board(p_session_id bigint)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'session_id', sess.id,
    'date', sess.session_date,
    'cancelled_at', sess.cancelled_at,
    'site', jsonb_build_object('name', site.name, 'address', site.address),
    'shifts', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'id', s.id, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
          'now_serving', s.now_serving, 'now_serving_at', s.now_serving_at,
          'last_queue_no', s.last_queue_no)
        order by s.starts_at), '[]'::jsonb)
      from public.shifts s where s.session_id = sess.id),
    'as_of', now())
  from public.intake_sessions sess
  join public.intake_sites site on site.id = sess.site_id
  where sess.id = p_session_id and sess.published
$$;
comment on function public.now_serving_board(bigint) is
  'The number being served in each shift of a published session, for the public queue board.';

revoke execute on function public.now_serving_board(bigint) from public;
grant execute on function public.now_serving_board(bigint) to anon, authenticated;
