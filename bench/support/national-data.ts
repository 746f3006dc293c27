// National-scale data for the scale benchmark (bench/scale.ts) and for anyone reading plans at
// that scale: one campaign per province of both unit sets, `sites` intake sites spread over the
// wards and communes of both sets near their unit's point, `sessions` published sessions over
// `days` days from today, three shifts each (07–12, 12–17, 17–22 in Viet Nam, as the seed's), about
// ten bookings per shift in booking groups of one to three, daily intake counts for the days the
// campaigns have run, and calls of the rate limiter through private.take_rate.
//
// Reproducible: every choice is a hash of (seed, the row's ordinal), and every id is derived from
// the ordinals (sites, sessions, shifts and bookings from 10,000,000 up, far above what the app's
// own sequences reach in a run), so building 10,000 sessions and then growing to 100,000 gives the
// same rows as building 100,000 at once. Growing keeps sessions per site: sites grow with sessions.
//
// Fast: set-based SQL as the cluster superuser with session_replication_role = replica, so the
// bulk rows skip triggers (audit, constraint and foreign-key triggers); what the triggers would
// keep is kept by construction instead: every site lies in its campaign's province and set,
// shifts.booked and last_queue_no are the counts of the rows inserted for them, and
// checkNationalData verifies that afterwards.
//
// Run it from a script with a stack: `node bench/scale.ts --build-only --sessions 100000 --keep`.
import type pg from 'pg';

export interface NationalDataOptions {
  /** Published sessions in total (grown to, never shrunk). */
  sessions: number;
  /** Intake sites in total; sessions / sites sessions each (default: 10 sessions per site). */
  sites?: number;
  /** Sessions lie on today .. today + days - 1 (Viet Nam time). */
  days?: number;
  seed?: number;
  /** Calls of private.take_rate to make (numbered from 0; see makeRateLimitCalls). */
  rateLimitCalls?: number;
  log?: (line: string) => void;
}

export interface NationalDataSummary {
  campaigns: number;
  sites: number;
  sessions: number;
  shifts: number;
  bookings: number;
  bookingGroups: number;
  dailyCounts: number;
  seconds: number;
}

/** The first id of the national rows in each table: above anything the seed or a test makes. */
export const nationalIdBase = 10_000_000;
/** Queue numbers per shift stay below this (capacity at most 50, plus a cancelled booking). */
const queueSlots = 64;
/** Sessions per statement while growing: keeps each statement's memory and time moderate. */
const chunkSessions = 10_000;

export const nationalCampaignSlug = (unitSet: string, provinceCode: string) => `quoc-gia-${unitSet}-${provinceCode}`;

/**
 * A deterministic pseudo-random integer in 0 .. 2^31 - 1 from the seed, a salt and the row's
 * ordinal (hashint8extended: the same on every run of the same Postgres version).
 */
function hash(seed: number, salt: number, ordinal: string): string {
  return `(hashint8extended((${ordinal})::bigint, ${seed * 1000 + salt}) & 2147483647)`;
}

// What each shift holds, written once and used both to insert its bookings and to set its counts.
// Capacity 20–50; one shift in 20 is full; the others hold 0–18 active bookings (about 10 a shift
// on average); half of them also have one cancelled booking, which keeps its queue number.
function shiftPlan(seed: number, shiftOrd: string) {
  const capacity = `(20 + ${hash(seed, 11, shiftOrd)} % 31)`;
  const active = `(case when ${hash(seed, 12, shiftOrd)} % 20 = 0 then ${capacity} else ${hash(seed, 13, shiftOrd)} % 19 end)`;
  const cancelled = `(${hash(seed, 14, shiftOrd)} % 2)`;
  return {
    capacity,
    active,
    cancelled,
    /** The queue number of the cancelled booking, when there is one. */
    cancelledQueueNo: `(1 + ${hash(seed, 15, shiftOrd)} % greatest(1, ${active} + ${cancelled}))`,
    /** People per booking group in this shift: 1–3. */
    groupSize: `(1 + ${hash(seed, 16, shiftOrd)} % 3)`,
  };
}

// A booking code from its ordinal: the ordinal scrambled modulo 2^40 by an odd multiplier and an
// xor with its own high bits (each a bijection, so codes are unique and look random), as 8 Crockford base32 symbols and private.code_check_char's
// Luhn mod 32 check character, computed inline (a PL/pgSQL call per row would be slower).
function bookingCode(ordinal: string): string {
  const product = `((${ordinal}) * 42524313495 & 1099511627775)`;
  const x = `(${product} # (${product} >> 20))`;
  const digit = (position: number) => `((${x} >> ${5 * (7 - position)}) & 31)::integer`;
  const alphabet = `'0123456789ABCDEFGHJKMNPQRSTVWXYZ'`;
  const body = Array.from({ length: 8 }, (_, position) => `substr(${alphabet}, ${digit(position)} + 1, 1)`).join(' || ');
  // Luhn from the right: the last symbol (position 7) doubled, then every other one.
  const terms = Array.from({ length: 8 }, (_, position) =>
    position % 2 === 1 ? `(2 * ${digit(position)}) / 32 + (2 * ${digit(position)}) % 32` : digit(position),
  ).join(' + ');
  return `(${body} || substr(${alphabet}, ((32 - ((${terms}) % 32)) % 32) + 1, 1))`;
}

// A booking the benchmark made through book_places (a random code) may hold a generated code: such
// an ordinal takes the code of ordinal + 2^38 instead, which no generated booking has (the scramble is
// a bijection and ordinals stay far below 2^38).
function uniqueBookingCode(ordinal: string): string {
  return `(case when exists (select 1 from public.bookings taken where taken.code = ${bookingCode(ordinal)})
                then ${bookingCode(`(${ordinal}) + 274877906944`)} else ${bookingCode(ordinal)} end)`;
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Hoài', 'Gia', 'Bảo'];
const givenNames = [
  'An', 'Anh', 'Bình', 'Châu', 'Chi', 'Cường', 'Dũng', 'Dung', 'Duy', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng',
  'Hương', 'Huy', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Nga', 'Nhung', 'Phong', 'Phúc', 'Phương',
  'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thu', 'Thủy', 'Tiến', 'Trang', 'Trí', 'Trung', 'Tú', 'Tuấn', 'Vân',
  'Việt', 'Vinh', 'Yến', 'Bích', 'Đạt', 'Hiền', 'Hòa', 'Kiên', 'Lộc', 'Ngân', 'Nhân', 'Oanh', 'Quỳnh', 'Tài', 'Thư', 'Uyên',
];
const nameCombinations = familyNames.length * middleNames.length * givenNames.length;
const sqlArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(', ')}]`;

/**
 * Who a booking is for, from its ordinal: the ordinal scrambled modulo 2^27 (a bijection below
 * 134 million bookings) picks a name and a date of birth, so no two bookings name the same person
 * (the unique indexes on name and birth date, and on ID number, hold by construction).
 */
function person(ordinal: string) {
  const scrambled = `((${ordinal}) * 40503 & 134217727)`;
  const nameIndex = `(${scrambled} % ${nameCombinations})`;
  return {
    fullName: `(${sqlArray(familyNames)})[1 + ${nameIndex} % ${familyNames.length}] || ' ' || (${sqlArray(middleNames)})[1 + (${nameIndex} / ${familyNames.length}) % ${middleNames.length}] || ' ' || (${sqlArray(givenNames)})[1 + ${nameIndex} / ${familyNames.length * middleNames.length}]`,
    // 1948 to 2011: everyone at least 14 on the session dates.
    birthDate: `(date '1948-01-01' + (2 * (${scrambled} / ${nameCombinations}))::integer)`,
    idNumber: `('0' || lpad(${scrambled}::text, 11, '0'))`,
  };
}

async function count(client: pg.ClientBase, sql: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

/**
 * Builds (or grows to) national-scale data in the stack's database. `superuser` must connect as
 * the cluster superuser (session_replication_role). Returns what the database then holds.
 */
export async function buildNationalData(superuser: pg.Pool, options: NationalDataOptions): Promise<NationalDataSummary> {
  const started = performance.now();
  const seed = options.seed ?? 16;
  const days = options.days ?? 60;
  const sessions = options.sessions;
  const sites = options.sites ?? Math.ceil(sessions / 10);
  const perSite = sessions / sites;
  const log = options.log ?? (() => {});
  if (!Number.isInteger(perSite) || perSite < 1 || perSite > days) {
    throw new Error(`sessions (${sessions}) must be a whole multiple of sites (${sites}), at most ${days} per site`);
  }
  if (sessions * 3 * queueSlots >= 134_217_727) throw new Error('at most about 690,000 sessions (booking ordinals scramble modulo 2^27)');

  const client = await superuser.connect();
  let failed: Error | undefined;
  try {
    // Sessions of a site are ordinals site * perSite + k: growing must keep perSite.
    const built = await client.query<{ sites: string; sessions: string }>(
      `select (select count(*) from public.intake_sites where id >= $1) as sites,
              (select count(*) from public.intake_sessions where id >= $1) as sessions`,
      [nationalIdBase],
    );
    const [builtSites, builtSessions] = [Number(built.rows[0]!.sites), Number(built.rows[0]!.sessions)];
    if (builtSites > 0 && builtSessions / builtSites !== perSite) {
      throw new Error(`the database holds ${builtSessions / builtSites} sessions per site, this build ${perSite}: grow with the same ratio`);
    }
    if (builtSessions > sessions) throw new Error(`the database already holds ${builtSessions} national sessions, more than ${sessions}`);

    await client.query('set session_replication_role = replica');
    await client.query("set statement_timeout = 0; set work_mem = '64MB'; set maintenance_work_mem = '256MB'");

    // One campaign per province of each set, run for 30 days so far and 60 more.
    await client.query(
      `insert into public.campaigns (slug, province_id, unit_set, name_vi, name_en, quota, daily_target, starts_on, deadline, source)
       select 'quoc-gia-' || p.unit_set || '-' || p.code, p.id, p.unit_set,
              'Chiến dịch cấp CCCD toàn quốc – ' || p.name, 'National CCCD campaign – ' || coalesce(p.name_en, p.name),
              200000, 2500, private.today() - 30, private.today() + 60,
              'Số liệu đo tải quy mô toàn quốc (bench/support/national-data.ts), không phải số liệu thật'
       from public.admin_units p where p.level = 1
       on conflict (slug) do nothing`,
    );

    // The wards and communes sites can be in: those with a point of their own or their district's
    // (2021 wards have none of their own), with their campaign.
    await client.query(`drop table if exists pg_temp.national_wards`);
    await client.query(
      `create temp table national_wards as
       select (row_number() over (order by w.unit_set, w.code) - 1)::integer as n, w.id, w.name, c.id as campaign_id,
              coalesce(w.lat, d.lat) as lat, coalesce(w.lng, d.lng) as lng,
              -- How far from the point a site may lie: a 2021 district is bigger than a 2025 commune.
              case when w.lat is null then 0.05 else 0.015 end as spread
       from public.admin_units w
       join public.admin_units d on d.id = w.parent_id
       left join public.admin_units p on p.id = d.parent_id
       join public.campaigns c on c.slug = 'quoc-gia-' || w.unit_set || '-' || coalesce(p.code, d.code)
       where w.level = 3 and coalesce(w.lat, d.lat) is not null`,
    );
    const wards = await count(client, 'select count(*) as n from national_wards');

    const kinds = sqlArray(['commune_hall', 'commune_hall', 'police_station', 'police_station', 'school', 'enterprise', 'other']);
    const kindNames = sqlArray(['Nhà văn hoá', 'Nhà văn hoá', 'Công an', 'Công an', 'Trường', 'Công ty', 'Điểm']);
    const siteKind = hash(seed, 2, 's');
    await client.query(
      `insert into public.intake_sites (id, ward_id, kind, name, address, lat, lng, access_notes) overriding system value
       select $1::bigint + s, w.id, (${kinds})[1 + ${siteKind} % 7],
              (${kindNames})[1 + ${siteKind} % 7] || ' ' || w.name || ' – điểm ' || (s + 1),
              'Số ' || (1 + ${hash(seed, 3, 's')} % 300) || ', ' || w.name,
              least(24, greatest(8, w.lat + w.spread * ((${hash(seed, 4, 's')} % 2001) - 1000) / 1000.0)),
              least(118, greatest(102, w.lng + w.spread * ((${hash(seed, 5, 's')} % 2001) - 1000) / 1000.0)),
              case when ${hash(seed, 6, 's')} % 3 = 0 then 'Có chỗ để xe máy; lối vào có dốc cho xe lăn.' end
       from generate_series($2::bigint, $3::bigint - 1) as s
       join national_wards w on w.n = ${hash(seed, 1, 's')} % $4
       on conflict (id) do nothing`,
      [nationalIdBase, builtSites, sites, wards],
    );
    log(`[data] ${sites} sites (${sites - builtSites} new) over ${wards} wards and communes`);

    for (let from = builtSessions; from < sessions; from += chunkSessions) {
      const to = Math.min(sessions, from + chunkSessions);
      await insertSessions(client, { seed, days, perSite, from, to });
      log(`[data] sessions ${from}–${to - 1}: with their shifts, booking groups and bookings`);
    }

    // Intake counted so far in each ward with a site, on each day since its campaign started.
    await client.query(
      `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications, walk_ins)
       select c.id, u.ward_id, day, a.applications, a.applications / 5
       from (select distinct site.ward_id from public.intake_sites site where site.id >= $1) u
       join national_wards w on w.id = u.ward_id
       join public.campaigns c on c.id = w.campaign_id
       cross join generate_series(c.starts_on, private.today(), interval '1 day') as day
       cross join lateral (select (${hash(seed, 30, "u.ward_id * 1000 + (day::date - date '2020-01-01')")} % 80)::integer as applications) a
       on conflict (campaign_id, unit_id, day) do nothing`,
      [nationalIdBase],
    );
    // The quota shared out between the units under each province, for the ranking.
    await client.query(
      `insert into public.unit_quotas (campaign_id, unit_id, quota)
       select c.id, u.id, greatest(1, c.quota / count(*) over (partition by c.id))
       from public.campaigns c join public.admin_units u on u.parent_id = c.province_id
       where c.slug like 'quoc-gia-%'
       on conflict (campaign_id, unit_id) do nothing`,
    );
    await client.query('reset all');
    log('[data] vacuum analyze');
    for (const table of ['intake_sites', 'intake_sessions', 'shifts', 'booking_groups', 'bookings', 'daily_intake_counts', 'unit_quotas', 'campaigns']) {
      await client.query(`vacuum (analyze) public.${table}`);
    }
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // A failed build leaves the connection in no state to reuse.
    client.release(failed);
  }
  if (options.rateLimitCalls) await makeRateLimitCalls(superuser, { from: 0, to: options.rateLimitCalls, seed, log });
  return { ...(await summariseNationalData(superuser)), seconds: (performance.now() - started) / 1000 };
}

/** Sessions from..to - 1 (ordinals), with their shifts, groups and bookings. */
async function insertSessions(client: pg.ClientBase, range: { seed: number; days: number; perSite: number; from: number; to: number }): Promise<void> {
  const { seed, days, perSite, from, to } = range;
  const plan = shiftPlan(seed, 'sh.ord');
  await client.query('begin');
  // Session ordinal i is the (i % perSite)-th session of site i / perSite; a site's sessions fall on
  // distinct days (7 is prime to the usual 60 days; checked by the unique key otherwise).
  await client.query(
    `insert into public.intake_sessions (id, campaign_id, site_id, session_date, published) overriding system value
     select $1::bigint + i, w.campaign_id, site.id, private.today() + ((7 * (i / $4 + i % $4)) % $5)::integer, true
     from generate_series($2::bigint, $3::bigint - 1) as i
     join public.intake_sites site on site.id = $1::bigint + i / $4
     join national_wards w on w.id = site.ward_id`,
    [nationalIdBase, from, to, perSite, days],
  );
  // Shift ordinal = session ordinal * 3 + j. Shifts of today that have started are being served:
  // half of their queue called, everyone called checked in (the queue board shows them).
  await client.query(
    `create temp table national_shifts on commit drop as
     select sh.ord, $1::bigint + sh.ord as id, sess.id as session_id, sess.campaign_id,
            (sess.session_date + make_time(7 + 5 * sh.j, 0, 0)) at time zone 'Asia/Ho_Chi_Minh' as starts_at,
            ${plan.capacity} as capacity, ${plan.active} as active, ${plan.cancelled} as cancelled,
            ${plan.cancelledQueueNo} as cancelled_queue_no, ${plan.groupSize} as group_size
     from generate_series($2::bigint, $3::bigint - 1) as i
     cross join generate_series(0, 2) as j
     join public.intake_sessions sess on sess.id = $1::bigint + i
     cross join lateral (select i * 3 + j as ord, j) sh`,
    [nationalIdBase, from, to],
  );
  await client.query(
    `insert into public.shifts (id, session_id, starts_at, ends_at, capacity, booked, last_queue_no, now_serving, now_serving_at) overriding system value
     select id, session_id, starts_at, starts_at + interval '5 hours', capacity, active, active + cancelled,
            serving.no, case when serving.no > 0 then least(now(), starts_at + serving.no * interval '4 minutes') end
     from national_shifts
     cross join lateral (select case when starts_at < now() then (active + cancelled) / 2 else 0 end as no) serving`,
  );
  const who = person('b.ord');
  await client.query(
    `create temp table national_bookings on commit drop as
     select sh.id as shift_id, sh.campaign_id, sh.starts_at, q, sh.ord * ${queueSlots} + q as ord,
            md5('${seed}:' || sh.ord || ':' || (q - 1) / sh.group_size)::uuid as group_id,
            q = sh.cancelled_queue_no and sh.cancelled = 1 as is_cancelled,
            sh.starts_at < now() and q <= (sh.active + sh.cancelled) / 2 as is_called
     from national_shifts sh cross join generate_series(1, sh.active + sh.cancelled) as q`,
  );
  await client.query(
    `insert into public.booking_groups (id, campaign_id, contact_phone, token_hash, idempotency_hash, request_hash, consent_at, created_at, consent_text_id)
     select g.group_id, g.campaign_id,
            '0' || (array['3', '5', '7', '8', '9'])[1 + ${hash(seed, 20, 'g.ord')} % 5] || lpad((${hash(seed, 21, 'g.ord')} % 100000000)::text, 8, '0'),
            sha256(convert_to('token:' || g.group_id, 'UTF8')), sha256(convert_to('key:' || g.group_id, 'UTF8')),
            sha256(convert_to('request:' || g.group_id, 'UTF8')), at, at, private.consent_text_on(private.today())
     from (select distinct on (group_id) group_id, campaign_id, ord from national_bookings order by group_id, ord) g
     cross join lateral (select now() - (${hash(seed, 22, 'g.ord')} % 43200) * interval '1 minute' as at) t`,
  );
  await client.query(
    `insert into public.bookings 
       (id, group_id, campaign_id, shift_id, code, queue_no, status, full_name, birth_date, id_number, application_kind,
        created_at, updated_at, cancelled_at, called_at) overriding system value
     select $1::bigint + b.ord, b.group_id, b.campaign_id, b.shift_id, ${uniqueBookingCode('b.ord')}, b.q,
            case when b.is_cancelled then 'cancelled' when b.is_called then 'checked_in' else 'confirmed' end,
            ${who.fullName}, ${who.birthDate}, ${who.idNumber},
            (array['first_issue', 'conversion', 'conversion', 'change', 'reissue'])[1 + ${hash(seed, 23, 'b.ord')} % 5],
            g.created_at, g.created_at, case when b.is_cancelled then g.created_at + interval '1 day' end,
            case when b.is_called and not b.is_cancelled then b.starts_at + b.q * interval '4 minutes' end
     from national_bookings b join public.booking_groups g on g.id = b.group_id`,
    [nationalIdBase],
  );
  await client.query('commit');
}

export interface NationalConsistency {
  /** Shifts whose booked is not their active bookings, above capacity, or whose last_queue_no is not their highest number. */
  inconsistentShifts: number;
  /** Sessions whose site is not in their campaign's province and set. */
  sessionsOutsideCampaign: number;
}

/** What the triggers would have refused, checked over the national rows. */
export async function checkNationalData(db: pg.Pool): Promise<NationalConsistency> {
  const { rows } = await db.query<NationalConsistency>(
    `select
       (select count(*) from public.shifts s
        left join (select shift_id, count(*) filter (where status in ('confirmed', 'checked_in')) as active, max(queue_no) as last
                   from public.bookings where shift_id >= $1 group by shift_id) b on b.shift_id = s.id
        where s.id >= $1 and (s.booked <> coalesce(b.active, 0) or s.booked > s.capacity or s.last_queue_no <> coalesce(b.last, 0)))::integer
         as "inconsistentShifts",
       (select count(*) from public.intake_sessions sess join public.intake_sites site on site.id = sess.site_id
        where sess.id >= $1 and not private.unit_in_campaign(site.ward_id, sess.campaign_id))::integer as "sessionsOutsideCampaign"`,
    [nationalIdBase],
  );
  return rows[0]!;
}

export async function summariseNationalData(db: pg.Pool): Promise<Omit<NationalDataSummary, 'seconds'>> {
  const { rows } = await db.query<Record<keyof Omit<NationalDataSummary, 'seconds'>, string>>(
    `select (select count(*) from public.campaigns where slug like 'quoc-gia-%') as campaigns,
            (select count(*) from public.intake_sites where id >= $1) as sites,
            (select count(*) from public.intake_sessions where id >= $1) as sessions,
            (select count(*) from public.shifts where id >= $1) as shifts,
            (select count(*) from public.bookings where id >= $1) as bookings,
            (select count(*) from public.booking_groups g where exists (select 1 from public.bookings b where b.group_id = g.id and b.id >= $1)) as "bookingGroups",
            (select count(*) from public.daily_intake_counts c join public.campaigns k on k.id = c.campaign_id where k.slug like 'quoc-gia-%') as "dailyCounts"`,
    [nationalIdBase],
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([key, value]) => [key, Number(value)])) as Omit<NationalDataSummary, 'seconds'>;
}

/**
 * Calls private.take_rate for calls number from..to - 1 (so a run can make them in steps), as the
 * booking and lookup functions do: half per client address (20,000 of them), half per phone
 * (50,000), for booking and lookup, in statements of 20,000 calls, each its own transaction.
 */
export async function makeRateLimitCalls(db: pg.Pool, range: { from: number; to: number; seed?: number; log?: (line: string) => void }): Promise<void> {
  const seed = range.seed ?? 16;
  const batch = 20_000;
  for (let from = range.from; from < range.to; from += batch) {
    const to = Math.min(range.to, from + batch);
    await db.query(
      `select count(*) filter (where ok) from (
         select private.take_rate(
                  case when ${hash(seed, 40, 'c')} % 3 = 0 then 'lookup' else 'book' end,
                  case when c % 2 = 0 then 'ip' else 'phone' end,
                  case when c % 2 = 0
                    then '100.' || (64 + ${hash(seed, 41, 'c')} % 20000 / 256) || '.' || (${hash(seed, 41, 'c')} % 20000 % 256) || '.7'
                    else '09' || lpad((${hash(seed, 42, 'c')} % 50000)::text, 8, '0') end) as ok
         from generate_series($1::bigint, $2::bigint - 1) as c) calls`,
      [from, to],
    );
    if ((to - range.from) % 200_000 === 0 || to === range.to) range.log?.(`[data] rate limiter: ${to} calls`);
  }
}
