-- The campaigns as the citizen pages offer them: each with its unit set and, for the chooser, the
-- province as it is today (a 2021 campaign's province under the 2025 province formed from it), so
-- a citizen chooses by a name they know without knowing what a unit set is.

create function public.campaign_directory(p_slug text default null)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  -- Campaigns are added a few times a year.
  select private.cache_for(300);
  select jsonb_build_object('campaigns', coalesce(jsonb_agg(jsonb_build_object(
      'slug', c.slug,
      'name_vi', c.name_vi,
      'name_en', c.name_en,
      'starts_on', c.starts_on,
      'deadline', c.deadline,
      'unit_set', c.unit_set,
      'demonstration', c.demonstration,
      'province', jsonb_build_object('code', p.code, 'name', p.name, 'name_en', p.name_en),
      -- A province with no known successor stands for itself rather than hiding its campaign.
      'today_province', jsonb_build_object('code', coalesce(t.code, p.code), 'name', coalesce(t.name, p.name),
                                           'name_en', case when t.code is null then p.name_en else t.name_en end)
    ) order by c.starts_on, c.slug), '[]'::jsonb))
  from public.campaigns c
  join public.admin_units p on p.id = c.province_id
  -- A 2025 province is its own today; a 2021 province became (part of) one 2025 province.
  -- (Candidates by key, the province itself or what it was merged into (admin_unit_origins_origin_id_idx),
  -- rather than every unit tested against an "or".)
  left join lateral (
    select u.code, u.name, u.name_en
    from public.admin_units u
    where u.id in (select p.id where c.unit_set = '2025'
                   union all
                   select o.unit_id from public.admin_unit_origins o where c.unit_set <> '2025' and o.origin_id = p.id)
      and (c.unit_set = '2025' or (u.level = 1 and u.unit_set = '2025'))
    order by u.code
    limit 1
  ) t on true
  where p_slug is null or c.slug = p_slug
$$;
comment on function public.campaign_directory(text) is
  'The campaigns (or the one named by slug) with their unit set and province, and the 2025 province their province is today.';

revoke execute on function public.campaign_directory(text) from public;
grant execute on function public.campaign_directory(text) to anon, authenticated;
