-- staff_planner answers the sessions a plan must not land on: the console's drafts of the campaign
-- (in `published`, with published false), and for each site the days it has another campaign's
-- session or a cancelled one (`closed`): a site holds one session a day, whatever its campaign.
create or replace function public.staff_planner(p_campaign_id integer)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_today date := private.today();
  v_sqlstate text;
  v_message text;
  v_detail text;
  v_constraint text;
begin
  begin
    v_campaign := private.admin_campaign(p_campaign_id);
    return jsonb_build_object(
      'ok', true,
      'campaign', jsonb_build_object(
        'id', v_campaign.id, 'slug', v_campaign.slug, 'name_vi', v_campaign.name_vi, 'name_en', v_campaign.name_en,
        'unit_set', v_campaign.unit_set, 'quota', v_campaign.quota, 'daily_target', v_campaign.daily_target,
        'starts_on', v_campaign.starts_on, 'deadline', v_campaign.deadline, 'shift_plan', v_campaign.shift_plan),
      'today', v_today,
      'units', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', u.id, 'code', u.code, 'name', u.name, 'name_en', u.name_en, 'level', u.level,
            'quota', q.quota, 'people', q.people_to_take_in, 'taken', coalesce(t.taken, 0))
          order by u.code), '[]'::jsonb)
        from public.admin_units u
        left join public.unit_quotas q on q.campaign_id = v_campaign.id and q.unit_id = u.id
        left join (
          -- A count kept at a ward (2021) goes to its district, as campaign_progress counts it.
          select case when cu.parent_id = v_campaign.province_id then cu.id else cu.parent_id end as unit_id,
                 sum(c.applications) as taken
          from public.daily_intake_counts c join public.admin_units cu on cu.id = c.unit_id
          where c.campaign_id = v_campaign.id and c.day <= v_today
          group by 1
        ) t on t.unit_id = u.id
        where u.parent_id = v_campaign.province_id),
      'sites', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', s.id, 'ward_id', s.ward_id, 'unit_code', under.code, 'kind', s.kind, 'name', s.name,
            'lat', s.lat, 'lng', s.lng,
            'places', coalesce(to_jsonb(ps.places), (
              select jsonb_agg(coalesce((
                  select sum((p.plan ->> 'capacity')::integer) from jsonb_array_elements(v_campaign.shift_plan) p(plan)
                  where private.plan_shift_of((p.plan ->> 'start')::time) = n), 0) order by n)
              from generate_series(1, 3) n)),
            'people', ps.people, 'dates', to_jsonb(ps.dates), 'configured', ps.site_id is not null,
            -- The days from today the site has a session the plan does not keep (another campaign's,
            -- or a cancelled one): a site holds one session a day, so no plan may make one there.
            'closed', (
              select coalesce(jsonb_agg(other.session_date order by other.session_date), '[]'::jsonb)
              from public.intake_sessions other
              where other.site_id = s.id and other.session_date >= v_today
                and (other.campaign_id <> v_campaign.id or other.cancelled_at is not null)))
          order by under.code, s.name, s.id), '[]'::jsonb)
        from private.campaign_sites(v_campaign.id) cs
        join public.intake_sites s on s.id = cs.site_id
        join public.admin_units under on under.id = cs.unit_id
        left join public.plan_sites ps on ps.campaign_id = v_campaign.id and ps.site_id = s.id),
      'machines', (
        select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'label', m.label) order by m.id), '[]'::jsonb)
        from public.plan_machines m where m.campaign_id = v_campaign.id),
      'teams', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'id', t.id, 'name', t.name, 'base_name', t.base_name, 'base_lat', t.base_lat, 'base_lng', t.base_lng,
            'places_per_shift', t.places_per_shift, 'days_off', to_jsonb(t.days_off)) order by t.id), '[]'::jsonb)
        from public.plan_teams t where t.campaign_id = v_campaign.id),
      'settings', coalesce(
        (select jsonb_build_object('team_shifts_per_day', st.team_shifts_per_day, 'days_off', to_jsonb(st.days_off))
         from public.plan_settings st where st.campaign_id = v_campaign.id),
        jsonb_build_object('team_shifts_per_day', 1, 'days_off', '[]'::jsonb)),
      -- The sessions that exist from today: those citizens may book, whoever made them, and the
      -- drafts an officer made in the console (published false), which the plan must not land on
      -- either; shifts of other hours count as the planner shift they start in (private.plan_shift_of).
      'published', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'session_id', sess.id, 'site_id', sess.site_id, 'date', sess.session_date, 'machine_id', ps.machine_id,
            'published', sess.published,
            'shifts', (
              select jsonb_agg(jsonb_build_object('shift', sh.shift, 'places', sh.places, 'booked', sh.booked,
                                                  'team_id', (select (x ->> 'team_id')::bigint from jsonb_array_elements(ps.shifts) x
                                                              where (x ->> 'shift')::integer = sh.shift limit 1))
                               order by sh.shift)
              from (select private.plan_shift_of((s.starts_at at time zone 'Asia/Ho_Chi_Minh')::time) as shift,
                           sum(s.capacity)::integer as places, sum(s.booked)::integer as booked
                    from public.shifts s where s.session_id = sess.id group by 1) sh))
          order by sess.session_date, sess.site_id), '[]'::jsonb)
        from public.intake_sessions sess
        left join public.planned_sessions ps on ps.session_id = sess.id
        where sess.campaign_id = v_campaign.id and sess.cancelled_at is null
          and sess.session_date >= v_today
          and exists (select 1 from public.shifts s where s.session_id = sess.id)),
      'draft', (
        select coalesce(jsonb_agg(jsonb_build_object(
            'date', p.session_date, 'site_id', p.site_id, 'machine_id', p.machine_id, 'locked', p.locked, 'shifts', p.shifts)
          order by p.session_date, p.site_id), '[]'::jsonb)
        from public.planned_sessions p where p.campaign_id = v_campaign.id and p.session_id is null),
      'actual', (
        select coalesce(jsonb_agg(jsonb_build_object('date', d.day, 'applications', d.applications) order by d.day), '[]'::jsonb)
        from (select c.day, sum(c.applications)::integer as applications from public.daily_intake_counts c
              where c.campaign_id = v_campaign.id and c.day <= v_today group by c.day) d));
  exception when others then
    get stacked diagnostics v_sqlstate = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                            v_constraint = constraint_name;
    return private.answer_error(v_sqlstate, v_message, v_detail, v_constraint, 'staff_planner');
  end;
end;
$$;
