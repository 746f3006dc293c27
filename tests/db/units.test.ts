// The unit lookups where the site calls them: which 2025 commune a point lies in, and what a 2021
// ward became; neither ever answers with a unit of the other set.
import { describe, expect, test } from 'vitest';
import { answerSchemas, answer } from './support/answers.ts';
import { refusal } from './support/booking-view.ts';
import { anonFrom, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.13.1');

const locate = async (lat: number, lng: number) => answer(answerSchemas.locate_commune, await citizen.rpc('locate_commune', { p_lat: lat, p_lng: lng }));
const lookup = async (query: string) => answer(answerSchemas.old_ward_lookup, await citizen.rpc('old_ward_lookup', { p_query: query })).wards;

describe('the commune of a point', () => {
  test('a point in Huế is in Phường Thuận Hoá of Thành phố Huế, with their English names', async () => {
    expect(await locate(16.4637, 107.5909)).toEqual({
      found: true,
      commune: { code: '19789', name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward', kind: 'Phường' },
      province: { code: '46', name: 'Thành phố Huế', name_en: 'Hue City' },
    });
  });

  test('at sea off Huế and in Vientiane there is none', async () => {
    expect(await locate(16.9, 108.5)).toEqual({ found: false });
    expect(await locate(17.97, 102.6)).toEqual({ found: false });
  });

  test('3,318 of the 3,321 communes\' own points land in their commune and in no other; the data names the 3 that do not', async () => {
    const rows = await sql<{ code: string; found: string | null; containing: string[] }>(
      `select c.code, public.locate_commune(c.lat, c.lng) -> 'commune' ->> 'code' as found,
              array(select u.code from private.commune_rings r join public.admin_units u on u.id = r.unit_id
                    cross join lateral (select point(c.lng * 1e5, c.lat * 1e5) as pt) here
                    where r.bbox @> box(here.pt, here.pt) and r.ring @> here.pt
                    group by u.code having count(*) % 2 = 1 order by u.code) as containing
       from public.admin_units c where c.unit_set = '2025' and c.level = 3`,
    );
    expect(rows).toHaveLength(3321);
    const own = rows.filter((row) => row.found === row.code && row.containing.length === 1 && row.containing[0] === row.code);
    expect(own).toHaveLength(3318);
    expect(rows.filter((row) => !own.includes(row)).map((row) => row.code).sort()).toEqual(['15910', '19975', '28537']);
  });

  test('refuses a point that is not one', async () => {
    for (const args of [{ p_lat: 95, p_lng: 107 }, { p_lat: 16, p_lng: null }]) {
      const { error, status } = await citizen.rpc('locate_commune', args as { p_lat: number; p_lng: number });
      expect([status, refusal(error)?.code]).toEqual([400, 'invalid_argument']);
    }
  });
});

describe('what an old ward became', () => {
  const phuHoi = {
    code: '19786',
    name: 'Phường Phú Hội',
    district: { code: '474', name: 'Thành phố Huế' },
    province: { code: '46', name: 'Tỉnh Thừa Thiên Huế' },
    became: [{ code: '19789', name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward', province: { code: '46', name: 'Thành phố Huế', name_en: 'Hue City' } }],
  };

  test('typed with or without tone marks, in any case, with or without its kind, or by its 2021 code', async () => {
    for (const query of ['Phú Hội', 'phu hoi', 'PHƯỜNG  phú hội', 'phuong phu hoi', ' 19786 ']) {
      const wards = await lookup(query);
      expect(wards.find((ward) => ward.code === '19786'), query).toEqual(phuHoi);
    }
    expect(await lookup('19786')).toEqual([phuHoi]);
  });

  test('names with the marks as typed come before names that only fold alike', async () => {
    // "Phú Hoà" and "Phú Hòa" (the older placement of the mark), "Phù Hóa": all fold to "phu hoa".
    const asTyped = (await lookup('Phú Hoà')).map((ward) => ward.name.toLowerCase().includes('phú hoà'));
    expect(asTyped[0]).toBe(true);
    expect(asTyped).toContain(false);
    expect(asTyped).toEqual([...asTyped].sort((a, b) => Number(b) - Number(a)));
  });

  test('matches at the start of a word, at most 10', async () => {
    expect(await lookup('hu hoi')).toEqual([]);
    expect(await lookup('an')).toHaveLength(10);
    expect(await lookup('x')).toEqual([]);
    expect(await lookup('100%')).toEqual([]);
  });

  test('a ward split between two communes became both', async () => {
    const [split] = await sql<{ code: string; became: string[] }>(
      `select w.code, array_agg(c.code order by c.code) as became
       from public.admin_unit_origins o join public.admin_units w on w.id = o.origin_id join public.admin_units c on c.id = o.unit_id
       where w.level = 3 group by w.code having count(*) = 2 order by w.code limit 1`,
    );
    const [ward] = await lookup(split!.code);
    expect(ward!.became.map((commune) => commune.code)).toEqual(split!.became);
  });

  test('refuses a query that is not one', async () => {
    const { error, status } = await citizen.rpc('old_ward_lookup', { p_query: 'x'.repeat(101) });
    expect([status, refusal(error)?.code]).toEqual([400, 'invalid_argument']);
  });
});

describe('the two sets are never mixed', () => {
  /** Whether each (set, code, name) named is a unit of that set. */
  async function unitsOf(set: string, units: { code: string; name: string }[]): Promise<boolean[]> {
    const rows = await sql<{ ok: boolean }>(
      `select exists (select 1 from public.admin_units u where u.unit_set = $1 and u.code = q.code and u.name = q.name) as ok
       from jsonb_to_recordset($2::jsonb) as q (code text, name text)`,
      [set, JSON.stringify(units)],
    );
    return rows.map((row) => row.ok);
  }

  test('an old ward\'s code that a 2025 commune kept answers the 2021 ward, which became 2025 units', async () => {
    // 19789 is a 2021 ward of Huế and the code Phường Thuận Hoá kept in 2025.
    const [ward] = await lookup('19789');
    const [old] = await sql<{ name: string }>(`select name from public.admin_units where unit_set = '2021' and code = '19789'`);
    expect(ward!.name).toBe(old!.name);
    expect(ward!.name).not.toBe('Phường Thuận Hoá');

    const wards = [...(await lookup('phu')), ...(await lookup('19789')), ...(await lookup('hoa'))];
    const old2021 = wards.flatMap((w) => [w, w.district, w.province]);
    const new2025 = wards.flatMap((w) => w.became.flatMap((c) => [c, c.province]));
    expect(new2025.length).toBeGreaterThan(0);
    expect(await unitsOf('2021', old2021)).not.toContain(false);
    expect(await unitsOf('2025', new2025)).not.toContain(false);
  });

  test('the commune of a point is a 2025 commune in a 2025 province', async () => {
    const found = await locate(16.4637, 107.5909);
    if (!found.commune || !found.province) throw new Error('Huế not found');
    expect(await unitsOf('2025', [found.commune, found.province])).toEqual([true, true]);
    expect(await unitsOf('2021', [found.province])).toEqual([false]);
  });
});
