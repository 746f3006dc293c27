-- Demo and reference data for the local stack and for a new project (supabase db push --include-seed).
-- The administrative units come first, from supabase/seeds/01_admin_units_2021.sql (config.toml).

-- The provincial campaigns of the source documents (shared/seeds), with their quotas and deadlines.
insert into public.campaigns (slug, province_id, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
select v.slug, u.id, v.name_vi, v.name_en, v.quota, v.daily_target, v.starts_on::date, v.deadline::date, v.source
from (values
  ('thua-thien-hue-2021', '46', 'Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế',
   'Chip-based ID card campaign, Thừa Thiên Huế province', 732000, 6600, '2021-03-23', '2021-05-31',
   'Chỉ thị 13/CT-UBND ngày 23/3/2021 của UBND tỉnh Thừa Thiên Huế'),
  ('bac-kan-2021', '06', 'Chiến dịch cấp CCCD gắn chip tỉnh Bắc Kạn',
   'Chip-based ID card campaign, Bắc Kạn province', 258018, null, '2021-03-29', '2021-04-18',
   'Công văn 1728/UBND-NCPC ngày 29/3/2021 của UBND tỉnh Bắc Kạn'),
  ('tay-ninh-2021', '72', 'Chiến dịch cấp CCCD gắn chip tỉnh Tây Ninh',
   'Chip-based ID card campaign, Tây Ninh province', 1024800, null, '2021-04-14', '2021-06-15',
   'Báo Tây Ninh, 14/4/2021: phấn đấu trước ngày 15/6 cấp 1.024.800 CCCD'),
  ('thanh-hoa-2021', '38', 'Chiến dịch cấp CCCD gắn chip tỉnh Thanh Hóa',
   'Chip-based ID card campaign, Thanh Hóa province', 1600000, null, '2021-02-01', '2021-06-30',
   'Báo Thanh Hóa, 2/2021: khoảng 1,6 triệu công dân trong diện cấp, hoàn thành trước 1/7/2021'),
  ('ha-noi-2021', '01', 'Chiến dịch cấp CCCD gắn chip thành phố Hà Nội',
   'Chip-based ID card campaign, Hà Nội', 2500000, null, '2020-12-14', '2021-06-30',
   'Công văn 5764/UBND-NC ngày 14/12/2020 của UBND thành phố Hà Nội; khoảng 2,5 triệu công dân trong diện cấp')
) as v (slug, province_code, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
join public.admin_units u on u.unit_set = '2021' and u.code = v.province_code
on conflict (slug) do nothing;
