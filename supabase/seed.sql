-- Demo and reference data for the local stack and for a new project (supabase db push --include-seed).
-- The administrative units are reference data, loaded by migrations (scripts/generate-units-data.ts).
--
-- Everything here is deterministic (no random()): variety comes from hashtext() of a site's name
-- or a unit's code, so two runs on the same day give the same rows. Every insert skips rows that
-- are already there (unique keys or "where not exists"), so running the file twice does not fail.
-- No staff accounts here: those are created another way (auth.users, staff_members).

-- "Today" is the date in Viet Nam (the same as private.today()), not the server's UTC date: the
-- sessions, shifts and counts below are laid out around it. Kept in one place so every statement
-- agrees even if the file runs across midnight.
drop table if exists pg_temp.seed_today;
create temp table seed_today as select (now() at time zone 'Asia/Ho_Chi_Minh')::date as d;

-- =====================================================================
-- Campaigns
-- =====================================================================

-- The provincial campaigns of the source documents (shared/seeds), with their quotas.
--
-- REPLAYED DATES. The campaigns ran in 2021; a demo with 2021 dates would show every campaign as
-- over. So each campaign is replayed "as if today were the date of its source document": it
-- started as many days ago as it had then, and its deadline is as many days ahead as it was then.
--   starts_on = today - (source_date - original starts_on)
--   deadline  = today + (original deadline - source_date)
-- e.g. Thừa Thiên Huế's directive of 23/3/2021 came 22 days into a drive ending 31/5/2021, 69 days
-- later: the demo campaign started 22 days ago and ends in 69 days. The real dates stay written in
-- `source`, which the site shows beside the quota, so readers see the real deadline.
insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
select v.slug, u.id, u.unit_set, v.name_vi, v.name_en, v.quota, v.daily_target,
       t.d - (v.source_date::date - v.original_starts_on::date),
       t.d + (v.original_deadline::date - v.source_date::date),
       v.source
from (values
  ('thua-thien-hue-2021', '46', 'Chiến dịch cấp CCCD gắn chip tỉnh Thừa Thiên Huế',
   'Chip-based ID card campaign, Thừa Thiên Huế province', 732000, 6600,
   '2021-03-23', '2021-03-01', '2021-05-31',
   'Chỉ thị 13/CT-UBND ngày 23/3/2021 của UBND tỉnh Thừa Thiên Huế: 732.000 hồ sơ, bình quân 6.600 hồ sơ/ngày, hạn 31/5/2021'),
  ('bac-kan-2021', '06', 'Chiến dịch cấp CCCD gắn chip tỉnh Bắc Kạn',
   'Chip-based ID card campaign, Bắc Kạn province', 258018, null,
   '2021-03-29', '2021-03-01', '2021-04-18',
   'Công văn 1728/UBND-NCPC ngày 29/3/2021 của UBND tỉnh Bắc Kạn: thu nhận 258.018 hồ sơ CCCD, hoàn thành trước ngày 18/4/2021'),
  ('tay-ninh-2021', '72', 'Chiến dịch cấp CCCD gắn chip tỉnh Tây Ninh',
   'Chip-based ID card campaign, Tây Ninh province', 1024800, null,
   '2021-04-14', '2021-03-01', '2021-06-15',
   'Báo Tây Ninh, 14/4/2021: phấn đấu trước ngày 15/6/2021 cấp 1.024.800 CCCD'),
  ('thanh-hoa-2021', '38', 'Chiến dịch cấp CCCD gắn chip tỉnh Thanh Hóa',
   'Chip-based ID card campaign, Thanh Hóa province', 1600000, null,
   '2021-02-15', '2021-01-15', '2021-06-30',
   'Báo Thanh Hóa, 2/2021: khoảng 1,6 triệu công dân trong diện cấp, hoàn thành trước 1/7/2021'),
  ('ha-noi-2021', '01', 'Chiến dịch cấp CCCD gắn chip thành phố Hà Nội',
   'Chip-based ID card campaign, Hà Nội', 2500000, null,
   '2020-12-14', '2020-12-14', '2021-06-30',
   'Công văn 5764/UBND-NC ngày 14/12/2020 của UBND thành phố Hà Nội; khoảng 2,5 triệu công dân trong diện cấp, hoàn thành trước 30/6/2021')
) as v (slug, province_code, name_vi, name_en, quota, daily_target, source_date, original_starts_on, original_deadline, source)
join public.admin_units u on u.unit_set = '2021' and u.code = v.province_code
cross join seed_today t
on conflict (slug) do nothing;

-- A campaign of today's units (the 2025 set: province > commune, no districts) for Thành phố Huế
-- (46 in the 2025 set, formed from the 2021 Tỉnh Thừa Thiên Huế, also 46). No source document:
-- its quota, dates, sites and counts are made up for the demonstration, marked so in the data
-- (`demonstration`) and in `source`, which the site shows beside them.
insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, daily_target, starts_on, deadline, source, demonstration)
select 'thanh-pho-hue-2026', u.id, u.unit_set, 'Chiến dịch cấp căn cước thành phố Huế 2026',
       'ID card campaign, Huế City 2026', 120000, 2000, t.d - 20, t.d + 45,
       'Số liệu minh hoạ: chiến dịch giả định trên các xã, phường của thành phố Huế từ ngày 1/7/2025; chỉ tiêu, thời hạn, lịch và số liệu không có thật',
       true
from public.admin_units u
cross join seed_today t
where u.unit_set = '2025' and u.code = '46'
on conflict (slug) do nothing;

-- =====================================================================
-- Intake sites
-- =====================================================================

-- The demo sites: police stations, commune halls and village cultural houses where mobile teams
-- sit, schools (students are processed at school, not at home) and an enterprise (staff listed by
-- the company, whose representative checks identities during the session).
-- Each row names its unit set, an anchor unit and a real ward or commune: in the 2021 set the
-- anchor is the ward's district, in the 2025 set (no districts) the commune itself. The point is
-- the anchor's centroid moved east_km / north_km: a fixed offset, not random(), and only roughly
-- where the ward lies — the centroids are approximate, so are the points.
drop view if exists pg_temp.seed_site_wards;
drop table if exists pg_temp.seed_sites;
create temp table seed_sites (
  unit_set text, anchor_code text, ward_code text, kind text, name text, address text,
  east_km double precision, north_km double precision, access_notes text
);
insert into seed_sites
select '2021', v.* from (values
  -- Thừa Thiên Huế (46) ---------------------------------------------------------------------
  -- Thành phố Huế (474)
  ('474', '19786', 'police_station', 'Công an phường Phú Hội',
   'Số 9 Nguyễn Công Trứ, phường Phú Hội, thành phố Huế', 1.8, 0.7,
   'Xe máy để trong sân trụ sở, có người trông miễn phí; ô tô đỗ dọc đường Nguyễn Công Trứ. Cửa chính có lối dốc cho xe lăn. Cách cầu Trường Tiền khoảng 500 m.'),
  ('474', '19750', 'commune_hall', 'Hội trường UBND phường Tây Lộc',
   'Số 2 Nguyễn Trãi, phường Tây Lộc, thành phố Huế', -1.2, 2.3,
   'Vào cổng chính trên đường Nguyễn Trãi, hội trường ở tầng 1 bên trái. Sân rộng để xe máy; lối vào bằng phẳng, không có bậc. Gần cửa Chánh Tây của Kinh thành.'),
  ('474', '19783', 'school', 'Trường THPT Hai Bà Trưng',
   'Số 14 Lê Lợi, phường Vĩnh Ninh, thành phố Huế', 1.1, -0.3,
   'Dành cho học sinh của trường trong độ tuổi cấp CCCD, theo danh sách lớp do nhà trường lập. Vào cổng phụ đường Lê Lợi, thu nhận tại phòng đa năng tầng 1. Xe để ở nhà xe học sinh.'),
  ('474', '19815', 'commune_hall', 'Nhà văn hóa tổ dân phố 7, phường An Đông',
   'Đường Hoàng Quốc Việt, tổ dân phố 7, phường An Đông, thành phố Huế', 3.0, -0.8,
   'Nhà văn hóa cạnh sân bóng của tổ dân phố, có biển chỉ dẫn từ đường Hoàng Quốc Việt. Xe máy để trong sân, ô tô đỗ ngoài đường. Có ghế chờ dưới mái hiên.'),
  ('474', '19774', 'police_station', 'Công an phường Kim Long',
   'Số 125 Kim Long, phường Kim Long, thành phố Huế', -2.7, 0.9,
   'Trụ sở trên đường Kim Long, hướng đi chùa Thiên Mụ. Xe máy để ở sân trước. Cửa chính có bậc thấp: cán bộ đưa người đi xe lăn vào bằng cửa bên hông.'),
  -- Thị xã Hương Thủy (479)
  ('479', '19960', 'police_station', 'Công an phường Phú Bài',
   'Số 1001 Nguyễn Tất Thành, phường Phú Bài, thị xã Hương Thủy', 4.2, 3.6,
   'Trụ sở ngay trên Quốc lộ 1A (đường Nguyễn Tất Thành), gần chợ Phú Bài. Bãi xe phía sau trụ sở, vào từ kiệt bên phải. Có dốc cho xe lăn ở cửa chính.'),
  ('479', '19969', 'enterprise', 'Công ty Cổ phần Dệt May Huế',
   'Số 122 Dương Thiệu Tước, phường Thủy Dương, thị xã Hương Thủy', 0.9, 4.8,
   'Dành cho công nhân, người lao động của công ty; phòng Tổ chức lập danh sách và cử người đối chiếu giấy tờ. Vào cổng số 2, thu nhận tại nhà ăn ca. Xe để ở nhà xe công nhân.'),
  ('479', '19981', 'commune_hall', 'Hội trường UBND xã Thủy Bằng',
   'Đường Minh Mạng, xã Thủy Bằng, thị xã Hương Thủy', -2.5, 2.0,
   'Hội trường trong khuôn viên UBND xã, đối diện trường tiểu học. Sân rộng, ô tô vào được. Lối vào bằng phẳng; có ghế ưu tiên cho người cao tuổi và phụ nữ mang thai.'),
  -- Thị xã Hương Trà (480)
  ('480', '19996', 'school', 'Trường THPT Hương Trà',
   'Đường Cách Mạng Tháng Tám, phường Tứ Hạ, thị xã Hương Trà', -2.8, 4.5,
   'Dành cho học sinh khối 10–12 của trường; nhà trường thông báo lịch theo lớp. Vào cổng chính, thu nhận ở nhà đa năng. Phụ huynh đi cùng để xe ở sân trước.'),
  ('480', '20005', 'commune_hall', 'Hội trường UBND xã Hương Toàn',
   'Thôn Giáp Trung, xã Hương Toàn, thị xã Hương Trà', 1.5, 3.2,
   'Từ Quốc lộ 1A rẽ vào đường liên xã khoảng 1 km. Sân UBND xã để được xe máy và ô tô. Có xe lăn và ghế ưu tiên cho người cao tuổi.'),
  -- Huyện Phú Vang (478)
  ('478', '19900', 'police_station', 'Công an thị trấn Thuận An',
   'Đường Nguyễn Văn Tuyết, thị trấn Thuận An, huyện Phú Vang', -1.0, 4.3,
   'Trụ sở cách chợ Thuận An khoảng 300 m về phía biển. Xe máy để trong sân; lối vào có dốc thoải. Buổi tối có đèn chiếu sáng và người trông xe.'),
  ('478', '19927', 'commune_hall', 'Hội trường UBND xã Phú Mỹ',
   'Thôn Mong A, xã Phú Mỹ, huyện Phú Vang', -1.6, -2.2,
   'Hội trường tầng 1 trụ sở UBND xã, cạnh Tỉnh lộ 10A. Sân để xe rộng; nhà vệ sinh phía sau hội trường. Đoàn thanh niên phát số thứ tự từ 6 giờ 30.'),
  -- Huyện Phong Điền (476)
  ('476', '19819', 'other', 'Nhà thi đấu đa năng huyện Phong Điền',
   'Khu trung tâm hành chính huyện, thị trấn Phong Điền, huyện Phong Điền', 1.8, 1.2,
   'Nhà thi đấu rộng, nhiều bàn thu nhận làm cùng lúc. Bãi đỗ ô tô và xe máy trước nhà thi đấu; lối vào không bậc, xe lăn đi được. Gần Quốc lộ 1A.'),
  ('476', '19858', 'commune_hall', 'Nhà văn hóa thôn Đông Lâm',
   'Thôn Đông Lâm, xã Phong An, huyện Phong Điền', 3.5, -3.0,
   'Nhà văn hóa cạnh Tỉnh lộ 11A, có biển chỉ dẫn ở ngã ba chợ Phong An. Sân đất rộng để xe máy; ô tô đỗ ven đường.'),
  -- Huyện Quảng Điền (477)
  ('477', '19867', 'commune_hall', 'Hội trường UBND thị trấn Sịa',
   'Số 20 Nguyễn Vịnh, thị trấn Sịa, huyện Quảng Điền', 0.8, -1.5,
   'Hội trường ở dãy nhà phía sau trụ sở UBND thị trấn, gần chợ Sịa. Xe máy để ở sân trước, có người trông. Lối đi bằng phẳng cho xe lăn.'),
  -- Huyện A Lưới (481)
  ('481', '20044', 'police_station', 'Công an thị trấn A Lưới',
   'Đường Hồ Chí Minh, thị trấn A Lưới, huyện A Lưới', 1.6, 1.4,
   'Trụ sở ngay trên đường Hồ Chí Minh, gần bưu điện huyện. Sân trước để xe máy. Có cán bộ nói tiếng Pa Kô, Tà Ôi hỗ trợ bà con khi cần.'),
  ('481', '20086', 'commune_hall', 'Nhà văn hóa thôn Phú Thượng',
   'Thôn Phú Thượng, xã Hồng Thượng, huyện A Lưới', 3.0, 3.4,
   'Đường vào thôn hẹp và dốc, trời mưa trơn trượt: nên đi xe máy. Người cao tuổi, người ốm không đến được thì báo trưởng thôn để tổ công tác đến tận nhà.'),
  -- Huyện Phú Lộc (482)
  ('482', '20140', 'commune_hall', 'Hội trường UBND xã Lộc An',
   'Quốc lộ 1A, xã Lộc An, huyện Phú Lộc', -4.2, 2.0,
   'Trụ sở UBND xã sát Quốc lộ 1A, có biển báo. Xe máy để trong sân, ô tô đỗ ở bãi phía đông. Chú ý xe tải trên quốc lộ khi ra vào.'),
  -- Huyện Nam Đông (483)
  ('483', '20161', 'commune_hall', 'Hội trường UBND thị trấn Khe Tre',
   'Tổ dân phố 2, thị trấn Khe Tre, huyện Nam Đông', 0.9, 1.3,
   'Hội trường trong khu trung tâm hành chính huyện, cạnh Tỉnh lộ 14B. Sân rộng để xe. Bà con ở các thôn xa nên đến ca sáng hoặc ca chiều.'),

  -- Bắc Kạn (06) -----------------------------------------------------------------------------
  -- Thành phố Bắc Kạn (058)
  ('058', '01840', 'police_station', 'Công an phường Đức Xuân',
   'Số 12 Trường Chinh, phường Đức Xuân, thành phố Bắc Kạn', 0.8, 1.6,
   'Trụ sở trên đường Trường Chinh, gần chợ Đức Xuân. Xe máy để trong sân; ô tô đỗ ở bãi xe của chợ. Cửa chính có dốc cho xe lăn.'),
  ('058', '01837', 'school', 'Trường THPT Chuyên Bắc Kạn',
   'Tổ 9, phường Sông Cầu, thành phố Bắc Kạn', -0.9, 1.2,
   'Dành cho học sinh của trường đủ tuổi cấp CCCD, theo danh sách nhà trường gửi Công an. Vào cổng chính, thu nhận ở thư viện tầng 1. Học sinh mang theo giấy khai sinh.'),
  ('058', '01849', 'commune_hall', 'Hội trường UBND xã Dương Quang',
   'Thôn Nà Pài, xã Dương Quang, thành phố Bắc Kạn', 2.6, -1.8,
   'Hội trường tầng 1 trụ sở UBND xã. Sân rộng để xe máy và ô tô. Có ghế chờ và nước uống; thanh niên tình nguyện trông xe.'),
  -- Huyện Chợ Mới (065)
  ('065', '02086', 'commune_hall', 'Hội trường UBND thị trấn Đồng Tâm',
   'Quốc lộ 3, thị trấn Đồng Tâm, huyện Chợ Mới', 0.5, -1.3,
   'Trụ sở sát Quốc lộ 3, gần chợ Chợ Mới. Xe máy để ở sân sau, lối vào từ cổng phụ. Lối đi bằng phẳng cho xe lăn.'),
  ('065', '02104', 'commune_hall', 'Nhà văn hóa thôn Nà Đon',
   'Thôn Nà Đon, xã Cao Kỳ, huyện Chợ Mới', 0.3, 3.2,
   'Từ Quốc lộ 3 rẽ vào đường bê tông khoảng 800 m, có biển chỉ dẫn. Sân nhỏ, để xe máy thành hàng; không có chỗ đỗ ô tô.'),
  -- Huyện Ba Bể (061)
  ('061', '01888', 'police_station', 'Công an thị trấn Chợ Rã',
   'Tiểu khu 3, thị trấn Chợ Rã, huyện Ba Bể', 1.0, 1.7,
   'Trụ sở ở trung tâm thị trấn, gần bến xe Chợ Rã. Xe máy để trong sân. Có cán bộ nói tiếng Tày, tiếng Dao hỗ trợ bà con.'),
  ('061', '01909', 'commune_hall', 'Nhà văn hóa thôn Pác Ngòi',
   'Thôn Pác Ngòi, xã Nam Mẫu, huyện Ba Bể', -4.0, -2.5,
   'Thôn ven hồ Ba Bể, theo đường vào Vườn quốc gia Ba Bể. Nhà văn hóa ở đầu thôn, để xe máy ở sân. Đường dốc nhẹ: người đi xe lăn cần người đẩy giúp.'),
  -- Huyện Pác Nặm (060)
  ('060', '01864', 'commune_hall', 'Hội trường UBND xã Bộc Bố',
   'Thôn Pác Nặm, xã Bộc Bố, huyện Pác Nặm', 1.2, -1.9,
   'Hội trường trong khu trung tâm huyện, cạnh trụ sở UBND xã. Sân rộng để xe máy. Bà con ở các thôn xa nên đến ca sáng để kịp về trước tối.'),
  ('060', '01861', 'commune_hall', 'Nhà văn hóa thôn Khuổi Khí',
   'Thôn Khuổi Khí, xã Nhạn Môn, huyện Pác Nặm', -2.8, 2.9,
   'Xã vùng cao, đường vào có đoạn dốc đá: nên đi xe máy số. Có người phiên dịch tiếng Mông, tiếng Dao tại điểm. Người già yếu báo trưởng thôn để được đến tận nhà.'),
  -- Huyện Ngân Sơn (062)
  ('062', '01954', 'commune_hall', 'Hội trường UBND xã Vân Tùng',
   'Quốc lộ 3, xã Vân Tùng, huyện Ngân Sơn', -1.4, 1.1,
   'Trụ sở UBND xã trên Quốc lộ 3, gần trung tâm huyện Ngân Sơn. Sân rộng để xe máy và ô tô. Lối vào có dốc thoải.'),
  -- Huyện Chợ Đồn (064)
  ('064', '02020', 'police_station', 'Công an thị trấn Bằng Lũng',
   'Tổ 2, thị trấn Bằng Lũng, huyện Chợ Đồn', 1.3, 0.9,
   'Trụ sở ở trung tâm thị trấn, gần chợ Bằng Lũng. Xe máy để trong sân. Cửa chính có bậc: cán bộ hỗ trợ người đi xe lăn.'),
  -- Huyện Na Rì (066)
  ('066', '02155', 'police_station', 'Công an thị trấn Yến Lạc',
   'Tiểu khu Hoàng Văn Thụ, thị trấn Yến Lạc, huyện Na Rì', -0.7, 1.5,
   'Trụ sở gần cầu Yến Lạc, đối diện bưu điện huyện. Xe máy để ở sân bên; ô tô đỗ dọc đường.'),

  -- Tây Ninh (72) ----------------------------------------------------------------------------
  ('703', '25480', 'police_station', 'Công an phường Ninh Sơn',
   'Đường Bời Lời, khu phố Ninh Phúc, phường Ninh Sơn, thành phố Tây Ninh', 1.9, 1.8,
   'Trụ sở trên đường Bời Lời, gần chợ Ninh Sơn. Xe máy để trong sân, có mái che. Cửa chính có dốc cho xe lăn.'),
  ('703', '25459', 'school', 'Trường THPT Tây Ninh',
   'Đường Trần Hưng Đạo, Phường 3, thành phố Tây Ninh', -1.1, -0.6,
   'Dành cho học sinh của trường: học sinh làm CCCD tại trường, không làm tại nơi cư trú. Thu nhận ở hội trường nhà trường; xe để ở nhà xe học sinh.'),
  ('712', '25732', 'enterprise', 'Công ty TNHH May mặc Phú Thịnh (Khu công nghiệp Trảng Bàng)',
   'Đường số 8, Khu công nghiệp Trảng Bàng, phường An Tịnh, thị xã Trảng Bàng', -1.5, -3.2,
   'Dành cho công nhân của công ty; bộ phận nhân sự lập danh sách và cử người đối chiếu giấy tờ. Vào cổng bảo vệ số 1, thu nhận ở nhà ăn. Xe để ở nhà xe công nhân.'),
  ('707', '25555', 'commune_hall', 'Hội trường UBND xã Suối Đá',
   'Ấp Phước Bình 1, xã Suối Đá, huyện Dương Minh Châu', 2.3, 3.1,
   'Trụ sở UBND xã trên đường ĐT 781. Sân rộng để xe máy, ô tô. Có ghế chờ dưới mái che và nước uống.'),
  ('709', '25630', 'other', 'Trung tâm Văn hóa – Thể thao thị xã Hòa Thành',
   'Đường Lạc Long Quân, phường Long Hoa, thị xã Hòa Thành', 0.7, 0.9,
   'Thu nhận ở nhà thi đấu, cửa vào từ đường Lạc Long Quân. Bãi xe rộng; lối vào không bậc, xe lăn đi được. Gần chợ Long Hoa.')
) as v
union all
select '2025', v.* from (values
  -- Thành phố Huế (46 in the 2025 set), the demonstration campaign: communes of the city centre
  -- (Thuận Hoá, Phú Xuân, An Cựu), of the south (Phú Bài) and rural ones (Phú Vang, Lộc An,
  -- Khe Tre, A Lưới 2). Points within about a kilometre of the commune's centroid.
  ('19789', '19789', 'police_station', 'Công an phường Thuận Hoá',
   'Số 9 Nguyễn Công Trứ, phường Thuận Hoá, thành phố Huế', 0.4, 0.3,
   'Trụ sở cũ của Công an phường Phú Hội, nay thuộc phường Thuận Hoá. Xe máy để trong sân, có người trông miễn phí. Cửa chính có lối dốc cho xe lăn. Cách cầu Trường Tiền khoảng 500 m.'),
  ('19789', '19789', 'school', 'Trường THPT Quốc Học Huế',
   'Số 12 Lê Lợi, phường Thuận Hoá, thành phố Huế', -0.6, 0.5,
   'Dành cho học sinh của trường đủ tuổi làm căn cước, theo danh sách lớp do nhà trường lập. Vào cổng phụ đường Lê Lợi, thu nhận tại hội trường. Xe để ở nhà xe học sinh.'),
  ('19753', '19753', 'commune_hall', 'Trung tâm phục vụ hành chính công phường Phú Xuân',
   'Số 2 Nguyễn Trãi, phường Phú Xuân, thành phố Huế', -0.5, 0.2,
   'Vào cổng chính trên đường Nguyễn Trãi, thu nhận ở sảnh tầng 1. Sân rộng để xe máy; lối vào bằng phẳng, không có bậc. Gần cửa Chánh Tây của Kinh thành.'),
  ('19753', '19753', 'police_station', 'Công an phường Phú Xuân',
   'Đường Đinh Tiên Hoàng, phường Phú Xuân, thành phố Huế', 0.3, -0.4,
   'Trụ sở trong Kinh thành, đi vào từ cửa Thượng Tứ. Xe máy để ở sân trước. Cửa chính có bậc thấp: cán bộ đưa người đi xe lăn vào bằng cửa bên hông.'),
  ('19815', '19815', 'commune_hall', 'Nhà văn hoá tổ dân phố 7, phường An Cựu',
   'Đường Hoàng Quốc Việt, phường An Cựu, thành phố Huế', 0.5, -0.3,
   'Nhà văn hoá cạnh sân bóng của tổ dân phố, có biển chỉ dẫn từ đường Hoàng Quốc Việt. Xe máy để trong sân, ô tô đỗ ngoài đường. Có ghế chờ dưới mái hiên.'),
  ('19960', '19960', 'police_station', 'Công an phường Phú Bài',
   'Số 1001 Nguyễn Tất Thành, phường Phú Bài, thành phố Huế', 0.6, 0.4,
   'Trụ sở ngay trên Quốc lộ 1A (đường Nguyễn Tất Thành), gần chợ Phú Bài. Bãi xe phía sau trụ sở, vào từ kiệt bên phải. Có dốc cho xe lăn ở cửa chính.'),
  ('19942', '19942', 'commune_hall', 'Hội trường UBND xã Phú Vang',
   'Tỉnh lộ 10A, xã Phú Vang, thành phố Huế', -0.7, 0.6,
   'Hội trường tầng 1 trụ sở UBND xã. Sân để xe rộng; nhà vệ sinh phía sau hội trường. Đoàn thanh niên phát số thứ tự từ 6 giờ 30.'),
  ('20140', '20140', 'commune_hall', 'Trụ sở UBND xã Lộc An',
   'Quốc lộ 1A, xã Lộc An, thành phố Huế', 0.8, -0.5,
   'Trụ sở UBND xã sát Quốc lộ 1A, có biển báo. Xe máy để trong sân, ô tô đỗ ở bãi phía đông. Chú ý xe tải trên quốc lộ khi ra vào.'),
  ('20161', '20161', 'commune_hall', 'Hội trường UBND xã Khe Tre',
   'Tỉnh lộ 14B, xã Khe Tre, thành phố Huế', 0.4, 0.7,
   'Hội trường trong khu trung tâm xã, cạnh Tỉnh lộ 14B. Sân rộng để xe. Bà con ở các thôn xa nên đến ca sáng hoặc ca chiều.'),
  ('20044', '20044', 'police_station', 'Công an xã A Lưới 2',
   'Đường Hồ Chí Minh, xã A Lưới 2, thành phố Huế', 0.5, 0.5,
   'Trụ sở ngay trên đường Hồ Chí Minh, gần bưu điện. Sân trước để xe máy. Có cán bộ nói tiếng Pa Kô, Tà Ôi hỗ trợ bà con khi cần.')
) as v;

-- A site's ward must be its anchor (2025) or a ward of it (2021): the view below checks it, and
-- every statement after reads the sites through it.
create temp view seed_site_wards as
select s.*, ward.id as ward_id, anchor.lat as anchor_lat, anchor.lng as anchor_lng
from seed_sites s
join public.admin_units anchor on anchor.unit_set = s.unit_set and anchor.code = s.anchor_code
join public.admin_units ward on ward.unit_set = s.unit_set and ward.code = s.ward_code and ward.level = 3
  and (ward.id = anchor.id or ward.parent_id = anchor.id);

insert into public.intake_sites (ward_id, kind, name, address, lat, lng, access_notes)
select s.ward_id, s.kind, s.name, s.address,
       s.anchor_lat + s.north_km / 111.0,
       s.anchor_lng + s.east_km / (111.32 * cos(radians(s.anchor_lat))),
       s.access_notes
from seed_site_wards s
where not exists (select 1 from public.intake_sites x where x.ward_id = s.ward_id and x.name = s.name);

do $$
begin
  if (select count(*) from seed_sites) <> (select count(*) from seed_site_wards) then
    raise exception 'seed.sql: a demo site names a ward that is not in its district, or a unit its set lacks';
  end if;
end;
$$;

-- =====================================================================
-- Sessions
-- =====================================================================

-- Each site holds a session every 2, 3 or 4 days over the next three weeks (today included),
-- on a cadence and phase taken from the hash of its name and counted from a fixed Monday, so a
-- run on another day lays out the same calendar. Schools only on school days (Monday–Friday),
-- enterprises not on Sunday. Police stations also had sessions in the past week, so "ended"
-- sessions exist to filter out.
-- Drafts: two Huế communes far from the city have their sessions from day 15 on unpublished — the
-- district police send the schedule to a commune at least 15 days ahead (Bắc Kạn directive), so
-- later sessions are still being arranged. Cancelled: the next session at the A Lưới mountain
-- village after today, published and then called off.
insert into public.intake_sessions (campaign_id, site_id, session_date, published, cancelled_at, cancel_reason)
select p.campaign_id, p.site_id, p.session_date,
       not (p.name in ('Hội trường UBND xã Lộc An', 'Hội trường UBND thị trấn Khe Tre') and p.session_date >= p.today + 15),
       case when p.name = 'Nhà văn hóa thôn Phú Thượng' and p.first_upcoming then now() end,
       case when p.name = 'Nhà văn hóa thôn Phú Thượng' and p.first_upcoming then
         'Mưa lớn gây sạt lở trên đường vào xã Hồng Thượng, tổ cấp CCCD lưu động không đến được. '
         || 'Lịch sẽ bố trí lại khi đường thông; bà con đã đặt chỗ vui lòng chọn buổi khác hoặc đến Công an thị trấn A Lưới.'
       end
from (
  select c.id as campaign_id, site.id as site_id, site.name, t.d as today, t.d + n as session_date,
         n > 0 and row_number() over (partition by site.id, n > 0 order by n) = 1 as first_upcoming
  from seed_site_wards s
  join public.intake_sites site on site.ward_id = s.ward_id and site.name = s.name
  join public.campaigns c on c.unit_set = s.unit_set and private.unit_in_campaign(s.ward_id, c.id)
  cross join seed_today t
  cross join lateral (select 2 + abs(hashtext(s.name)) % 3 as period, abs(hashtext(s.name)) / 3 as phase) as cadence
  cross join generate_series(-7, 21) as n
  where ((t.d + n) - date '2000-01-03' + cadence.phase) % cadence.period = 0
    and (n >= 0 or s.kind = 'police_station')
    and not (s.kind = 'school' and extract(isodow from t.d + n) in (6, 7))
    and not (s.kind = 'enterprise' and extract(isodow from t.d + n) = 7)
) as p
order by p.site_id, p.session_date
on conflict (site_id, session_date) do nothing;

-- =====================================================================
-- Shifts
-- =====================================================================

-- The three 5-hour shifts of the Huế directive, in Viet Nam time. Schools and enterprises work
-- by day only. Places per shift: "near ones at night, far ones by day" — in towns the evening
-- shift is the biggest (neighbours come after work); in mountain districts and communes (A Lưới,
-- Nam Đông and the Bắc Kạn highlands) people travel far, so fewer places, and fewest in the evening.
-- A few places more or less per site and shift come from a hash, so the figures are not uniform.
insert into public.shifts (session_id, starts_at, ends_at, capacity)
select sess.id,
       (sess.session_date + plan.starts) at time zone 'Asia/Ho_Chi_Minh',
       (sess.session_date + plan.ends) at time zone 'Asia/Ho_Chi_Minh',
       case
         when s.kind = 'school' then case plan.shift_no when 1 then 100 else 80 end
         when s.kind = 'enterprise' then case plan.shift_no when 1 then 100 else 90 end
         when s.anchor_code in ('481', '483', '060', '061', '062', '064', '066', '20044', '20161')
           then case plan.shift_no when 3 then 40 else 60 end
         else case plan.shift_no when 1 then 90 when 2 then 80 else 100 end
       end + 5 * (abs(hashtext(s.name || plan.shift_no)) % 5)
from seed_site_wards s
join public.intake_sites site on site.ward_id = s.ward_id and site.name = s.name
join public.intake_sessions sess on sess.site_id = site.id
cross join (values
  (1, time '07:00', time '12:00'),
  (2, time '12:00', time '17:00'),
  (3, time '17:00', time '22:00')
) as plan (shift_no, starts, ends)
where not (s.kind in ('school', 'enterprise') and plan.shift_no = 3)
order by sess.id, plan.shift_no
on conflict (session_id, starts_at) do nothing;

-- =====================================================================
-- Daily intake counts
-- =====================================================================

-- Populations (thousands) that split a province's quota and its daily figures between the units
-- directly under it: the districts of the 2021 set (2019 census), and the communes of Thành phố Huế
-- in the 2025 set, whose figures are made up for the demonstration (8 to 35 thousand, from a hash).
drop table if exists pg_temp.seed_unit_population;
create temp table seed_unit_population (unit_set text, code text, population integer, primary key (unit_set, code));
insert into seed_unit_population
select '2021', v.* from (values
  -- Thừa Thiên Huế
  ('474', 350), ('476', 93), ('477', 85), ('478', 180), ('479', 110),
  ('480', 115), ('481', 49), ('482', 140), ('483', 27),
  -- Bắc Kạn
  ('058', 45), ('060', 33), ('061', 50), ('062', 30), ('063', 32),
  ('064', 50), ('065', 40), ('066', 40)
) as v
union all
select '2025', commune.code, 8 + abs(hashtext(commune.code)) % 28
from public.admin_units province
join public.admin_units commune on commune.parent_id = province.id
where province.unit_set = '2025' and province.code = '46';

-- The campaigns shown with progress, and their pace: the share of the daily figure they reach.
--  * Thừa Thiên Huế: 6,600 a day needed, and the directive says intake was at 35% of it.
--  * Bắc Kạn: no daily figure; its quota over its 49 days is about 5,270 a day, and it is shown
--    doing somewhat better, at 45% of that pace.
--  * Thành phố Huế 2026 (demonstration): 2,000 a day, at 85% of it on the whole.
drop table if exists pg_temp.seed_pace;
create temp table seed_pace (slug text primary key, achieved numeric);
insert into seed_pace values ('thua-thien-hue-2021', 0.35), ('bac-kan-2021', 0.45), ('thanh-pho-hue-2026', 0.85);

-- Each unit's share of the quota, as a province splits its target (demo figures).
insert into public.unit_quotas (campaign_id, unit_id, quota)
select c.id, unit.id,
       round(c.quota::numeric * up.population / sum(up.population) over (partition by c.id))::integer
from public.campaigns c
join seed_pace on seed_pace.slug = c.slug
join public.admin_units unit on unit.parent_id = c.province_id
join seed_unit_population up on up.unit_set = c.unit_set and up.code = unit.code
on conflict (campaign_id, unit_id) do nothing;

-- Applications taken per unit and day, from the campaign's start to yesterday. The province's
-- figure is split by population, ramps up from 75% to 125% of the average as the drive gets
-- going, and varies ±15% from day to day (hash of the unit code and date). In the demonstration
-- each commune also keeps a pace of its own (60% to 140% of the average), so the ranking shows
-- communes ahead and behind. Walk-ins (people who came without booking) are 25–45% of it.
with days as (
  select c.id as campaign_id, c.province_id, c.unit_set, c.demonstration,
         coalesce(c.daily_target, c.quota::numeric / (c.deadline - c.starts_on + 1)) * seed_pace.achieved as per_day,
         day::date as day,
         (day::date - c.starts_on)::numeric / greatest(t.d - 1 - c.starts_on, 1) as progress
  from public.campaigns c
  join seed_pace on seed_pace.slug = c.slug
  cross join seed_today t
  cross join generate_series(c.starts_on, t.d - 1, interval '1 day') as day
), counts as (
  select d.campaign_id, unit.id as unit_id, d.day,
         round(d.per_day * up.population / sum(up.population) over (partition by d.campaign_id, d.day)
               * (0.75 + 0.5 * d.progress)
               * (0.85 + (abs(hashtext(unit.code || d.day::text)) % 31) / 100.0)
               * case when d.demonstration then 0.6 + (abs(hashtext('pace' || unit.code)) % 81) / 100.0 else 1 end)::integer as applications,
         0.25 + (abs(hashtext('walk-in' || unit.code || d.day::text)) % 21) / 100.0 as walk_in_share
  from days d
  join public.admin_units unit on unit.parent_id = d.province_id
  join seed_unit_population up on up.unit_set = d.unit_set and up.code = unit.code
)
insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
select campaign_id, unit_id, day, applications, round(applications * walk_in_share)::integer
from counts
order by campaign_id, day, unit_id
on conflict (campaign_id, unit_id, day) do nothing;

-- =====================================================================
-- The planner's setup (issue 18)
-- =====================================================================

-- A planner setup for the two demo campaigns of Huế (Thừa Thiên Huế 2021 on the districts, Thành
-- phố Huế 2026 on the 2025 communes): each demo site is served by three mobile teams based at the
-- police station of its ward or commune (the site itself when it is one; at the site's point, as
-- approximate as the sites'), each taking up to 120 people a shift and working one shift a day;
-- the places per shift of each site are those its sessions have (0 for a shift it has not); the
-- schools and the enterprise bring their own lists. The sessions already published from the
-- notice's end (today + 15) on are linked to the plan as if it had published them, each with a
-- machine and a team per shift, so a re-plan keeps them with what they use.
drop table if exists pg_temp.seed_plan;
create temp table seed_plan as
select c.id as campaign_id, s.kind, s.name as site_name, site.id as site_id, site.lat, site.lng,
       case when s.kind = 'police_station' then s.name
            else 'Công an ' || lower(ward.kind) || substr(ward.name, length(ward.kind) + 1) end as base_name
from seed_site_wards s
join public.intake_sites site on site.ward_id = s.ward_id and site.name = s.name
join public.admin_units ward on ward.id = s.ward_id
join public.campaigns c on c.slug in ('thua-thien-hue-2021', 'thanh-pho-hue-2026') and c.unit_set = s.unit_set
  and private.unit_in_campaign(s.ward_id, c.id);

insert into public.plan_settings (campaign_id, team_shifts_per_day, days_off)
select distinct campaign_id, 1, '{}'::date[] from seed_plan
on conflict (campaign_id) do nothing;

-- As many machines as the most sessions the plan holds on one day, and two more to plan with.
insert into public.plan_machines (campaign_id, label)
select p.campaign_id, 'Máy ' || lpad(n::text, 2, '0')
from (select campaign_id, max(sessions) + 2 as machines
      from (select sp.campaign_id, sess.session_date, count(*) as sessions
            from seed_plan sp join public.intake_sessions sess on sess.site_id = sp.site_id and sess.campaign_id = sp.campaign_id
            group by 1, 2) per_day
      group by campaign_id) p
cross join lateral generate_series(1, p.machines) as n
on conflict (campaign_id, label) do nothing;

insert into public.plan_teams (campaign_id, name, base_name, base_lat, base_lng, places_per_shift)
select sp.campaign_id, 'Tổ ' || n || ' – ' || sp.site_name, sp.base_name, sp.lat, sp.lng, 120
from seed_plan sp
cross join generate_series(1, 3) as n
where not exists (select 1 from public.plan_teams t where t.campaign_id = sp.campaign_id and t.name = 'Tổ ' || n || ' – ' || sp.site_name)
order by sp.campaign_id, sp.site_id, n;

insert into public.plan_sites (campaign_id, site_id, places, people)
select sp.campaign_id, sp.site_id,
       array(select coalesce(max(sh.capacity), 0)
             from generate_series(1, 3) as n
             left join (public.shifts sh join public.intake_sessions sess on sess.id = sh.session_id)
               on sess.site_id = sp.site_id and private.plan_shift_of((sh.starts_at at time zone 'Asia/Ho_Chi_Minh')::time) = n
             group by n order by n),
       case sp.kind when 'school' then 900 when 'enterprise' then 2500 end
from seed_plan sp
on conflict (campaign_id, site_id) do nothing;

insert into public.planned_sessions (campaign_id, session_date, site_id, machine_id, locked, shifts, session_id)
select x.campaign_id, x.session_date, x.site_id, m.id, false,
       (select jsonb_agg(jsonb_build_object('shift', k.shift_no, 'places', sh.capacity,
                                            'team_id', (select t.id from public.plan_teams t
                                                        where t.campaign_id = x.campaign_id and t.name = 'Tổ ' || k.shift_no || ' – ' || x.site_name))
                         order by sh.starts_at)
        from public.shifts sh
        cross join lateral (select private.plan_shift_of((sh.starts_at at time zone 'Asia/Ho_Chi_Minh')::time) as shift_no) k
        where sh.session_id = x.session_id),
       x.session_id
from (
  select sp.campaign_id, sp.site_id, sp.site_name, sess.session_date, sess.id as session_id,
         row_number() over (partition by sp.campaign_id, sess.session_date order by sp.site_id) as nth
  from seed_plan sp
  join public.intake_sessions sess on sess.site_id = sp.site_id and sess.campaign_id = sp.campaign_id
  cross join seed_today t
  where sess.published and sess.cancelled_at is null and sess.session_date >= t.d + 15
) x
join (select id, campaign_id, row_number() over (partition by campaign_id order by label) as nth from public.plan_machines) m
  on m.campaign_id = x.campaign_id and m.nth = x.nth
order by x.session_date, x.site_id
on conflict do nothing;

drop table if exists pg_temp.seed_plan;

drop view if exists pg_temp.seed_site_wards;
drop table if exists pg_temp.seed_sites;
drop table if exists pg_temp.seed_unit_population;
drop table if exists pg_temp.seed_pace;
drop table if exists pg_temp.seed_today;
