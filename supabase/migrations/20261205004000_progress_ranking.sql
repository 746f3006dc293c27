-- Issue 13, part progress: campaign_progress ranks the units under the province (districts in the
-- 2021 set, communes in the 2025 set) for emulation between them, with each unit's intake over the
-- last seven days and whether it is at risk (supabase/schemas/09_progress.sql holds the definition).
create or replace function public.campaign_progress(p_slug text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_campaign public.campaigns;
  v_today date := private.today();
  v_intake bigint;
  v_recent_intake bigint;
  v_days_left integer;
  v_days_elapsed integer;
  v_recent_start date;
  v_recent_end date;
  v_recent_days integer;
begin
  select * into v_campaign from public.campaigns where slug = p_slug;
  if not found then
    perform private.raise_refusal('campaign_not_found');
  end if;
  select coalesce(sum(applications), 0) into v_intake
  from public.daily_intake_counts where campaign_id = v_campaign.id and day <= v_today;
  -- Today counts as a day left: intake taken today is still to come.
  v_days_left := greatest(v_campaign.deadline - v_today + 1, 0);
  v_days_elapsed := greatest(least(v_today, v_campaign.deadline + 1) - v_campaign.starts_on, 0);
  -- The recent pace: the seven whole days before today (today's count is not complete until the
  -- day ends), fewer in the campaign's first week.
  v_recent_start := greatest(v_today - 7, v_campaign.starts_on);
  v_recent_end := least(v_today - 1, v_campaign.deadline);
  v_recent_days := greatest(v_recent_end - v_recent_start + 1, 0);
  select coalesce(sum(applications), 0) into v_recent_intake
  from public.daily_intake_counts where campaign_id = v_campaign.id and day between v_recent_start and v_recent_end;

  return jsonb_build_object(
    'slug', v_campaign.slug,
    'quota', v_campaign.quota,
    'daily_target', v_campaign.daily_target,
    'starts_on', v_campaign.starts_on,
    'deadline', v_campaign.deadline,
    'today', v_today,
    'intake', v_intake,
    'remaining', greatest(v_campaign.quota - v_intake, 0),
    'percent', round(100.0 * v_intake / v_campaign.quota, 1),
    'days_left', v_days_left,
    'days_elapsed', v_days_elapsed,
    'average_daily', case when v_days_elapsed > 0 then round(v_intake::numeric / v_days_elapsed) end,
    'rate_needed', case when v_days_left > 0 then ceil(greatest(v_campaign.quota - v_intake, 0)::numeric / v_days_left) end,
    'booked_upcoming', (
      select coalesce(sum(s.booked), 0)
      from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
      where sess.campaign_id = v_campaign.id and sess.published and sess.cancelled_at is null
        and s.ends_at > now()),
    'recent_days', v_recent_days,
    'recent_intake', v_recent_intake,
    'recent_average', case when v_recent_days > 0 then round(v_recent_intake::numeric / v_recent_days) end,
    -- The ranking (emulation between units): by share of the unit's own quota done, equal shares
    -- sharing a rank, units without a quota last and unranked. A unit is at risk when the
    -- average a day of its recent days is below the rate it now needs to finish by the deadline.
    'units', (
      select coalesce(jsonb_agg(jsonb_build_object(
          'code', r.code, 'name', r.name, 'kind', r.kind,
          'quota', r.quota,
          'intake', r.intake,
          'today', r.today,
          'recent_intake', r.recent_intake,
          'recent_average', case when v_recent_days > 0 then round(r.recent_intake::numeric / v_recent_days) end,
          'percent', r.percent,
          'rate_needed', r.rate_needed,
          'rank', r.rank,
          'at_risk', r.at_risk)
        order by r.rank nulls last, r.code), '[]'::jsonb)
      from (
        select f.*,
               case when f.quota is not null then rank() over (order by f.percent desc nulls last) end as rank,
               case when v_recent_days > 0 and f.rate_needed is not null
                 then f.recent_intake::numeric / v_recent_days < f.rate_needed else false end as at_risk
        from (
          select u.code, u.name, u.kind, q.quota,
                 coalesce(t.intake, 0) as intake,
                 coalesce(t.today, 0) as today,
                 coalesce(t.recent_intake, 0) as recent_intake,
                 case when q.quota is not null then round(100.0 * coalesce(t.intake, 0) / q.quota, 1) end as percent,
                 case when q.quota is not null and v_days_left > 0
                   then ceil(greatest(q.quota - coalesce(t.intake, 0), 0)::numeric / v_days_left) end as rate_needed
          from public.admin_units u
          left join public.unit_quotas q on q.campaign_id = v_campaign.id and q.unit_id = u.id
          left join (
            select private.province_child(c.unit_id, v_campaign.province_id) as unit_id,
                   sum(c.applications) as intake,
                   sum(c.applications) filter (where c.day = v_today) as today,
                   sum(c.applications) filter (where c.day between v_recent_start and v_recent_end) as recent_intake
            from public.daily_intake_counts c
            where c.campaign_id = v_campaign.id and c.day <= v_today
            group by 1
          ) t on t.unit_id = u.id
          where u.parent_id = v_campaign.province_id
        ) f
      ) r)
  );
end;
$$;
comment on function public.campaign_progress(text) is
  'Quota, intake so far, days left, daily rate needed to meet the deadline, booked places to come, and the ranking of the units under the province with their recent pace and whether they are at risk.';

