// Planner inputs built from the project's own data, for bench:plan and the planner's unit tests:
// the campaign's figures and the demo's places per shift read from supabase/seed.sql, the units
// and their points from ../shared/data (see its README).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../../src/domain/dates.ts';
import type { PlanInput } from '../../src/domain/planner/schema.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(path.join(root, 'supabase/seed.sql'), 'utf8');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, '../shared/data', file), 'utf8'));

interface Ward2021 { code: string; name: string }
interface District2021 { code: string; name: string; lat: number; lng: number; wards: Ward2021[] }
interface Ward2025 { code: string; name: string; lat: number; lng: number; formed_from: string[] }
const units2021 = readJson('vn-admin-units-2021.json') as { provinces: { code: string; districts: District2021[] }[] };
const units2025 = readJson('vn-admin-units-2025.json') as { provinces: { code: string; lat: number; lng: number; wards: Ward2025[] }[] };

function match(pattern: RegExp, what: string): RegExpMatchArray {
  const found = pattern.exec(seed);
  if (found === null) throw new Error(`supabase/seed.sql no longer has ${what}`);
  return found;
}

/** A 2021 campaign of the seed: quota, daily figure and its real dates (the seed replays them). */
export function seedCampaign(slug: string) {
  const row = match(new RegExp(`\\('${slug}', '[0-9]+',[^)]*?, ([0-9]+), ([0-9]+|null),\\s*'([0-9-]+)', '([0-9-]+)', '([0-9-]+)'`), `the campaign ${slug}`);
  return { quota: Number(row[1]), dailyTarget: row[2] === 'null' ? null : Number(row[2]), startsOn: row[4]!, deadline: row[5]! };
}

/** The seed's population figures (thousands) of these units of the 2021 set, which split a quota. */
function seedPopulations(codes: readonly string[]): Map<string, number> {
  return new Map(codes.map((code) => [code, Number(match(new RegExp(`\\('${code}', ([0-9]+)\\)`), `a population for ${code}`)[1])]));
}

/** The demo's places per shift (seed.sql's shifts, without its few-places-more hash): mountain units and the rest. */
function seedPlaces(code: string): [number, number, number] {
  const mountain = match(/when s\.anchor_code in \(([^)]*)\)\s*then case plan\.shift_no when 3 then ([0-9]+) else ([0-9]+) end/, 'the mountain places');
  if (mountain[1]!.includes(`'${code}'`)) return [Number(mountain[3]), Number(mountain[3]), Number(mountain[2])];
  const other = match(/else case plan\.shift_no when 1 then ([0-9]+) when 2 then ([0-9]+) else ([0-9]+) end/, 'the places per shift');
  return [Number(other[1]), Number(other[2]), Number(other[3])];
}

/** `total` split in proportion to `weights`, whole numbers adding up to it (largest remainders). */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  const short = total - parts.reduce((a, b) => a + b, 0);
  for (const [, index] of order.slice(0, short)) parts[index]! += 1;
  return parts;
}

export interface Resources {
  today: string;
  machines: number;
  /** Teams in all, each based at a police station: split between the 2021 districts by their people. */
  teams: number;
  teamPlaces?: number;
}

/**
 * Thừa Thiên Huế's 2021 campaign as the planner takes it: the seed's quota and real dates, its 9
 * districts' people (the quota split by the seed's populations), one site per commune with the
 * demo's places per shift. 2021 communes have no points: a commune's point is that of its 2025
 * successor (formed_from; a commune split in two takes the first), else its district's centroid
 * (the 12 merged away before 2025). Teams are based at the district's centroid (its police).
 */
export function thuaThienHue2021(resources: Resources): PlanInput {
  const campaign = seedCampaign('thua-thien-hue-2021');
  const districts = units2021.provinces.find((province) => province.code === '46')?.districts ?? [];
  const successors = new Map<string, Ward2025>();
  for (const ward of units2025.provinces.find((province) => province.code === '46')?.wards ?? [])
    for (const code of ward.formed_from) if (!successors.has(code)) successors.set(code, ward);
  const populations = seedPopulations(districts.map((district) => district.code));
  const people = split(campaign.quota, districts.map((district) => populations.get(district.code) ?? 0));
  const teams = split(resources.teams, people);
  return {
    today: resources.today,
    startsOn: campaign.startsOn,
    deadline: campaign.deadline,
    quota: campaign.quota,
    units: districts.map((district, index) => ({ code: district.code, people: people[index] ?? 0 })),
    sites: districts.flatMap((district) =>
      district.wards.map((ward) => {
        const point = successors.get(ward.code) ?? district;
        return { id: ward.code, unitCode: district.code, lat: point.lat, lng: point.lng, places: seedPlaces(district.code) };
      }),
    ),
    machines: Array.from({ length: resources.machines }, (_, index) => ({ id: `M${index + 1}` })),
    teams: districts.flatMap((district, districtIndex) =>
      Array.from({ length: teams[districtIndex] ?? 0 }, (_, index) => ({
        id: `${district.code}-T${index + 1}`,
        base: { lat: district.lat, lng: district.lng },
        places: resources.teamPlaces ?? 120,
        daysOff: [],
      })),
    ),
    daysOff: [],
    teamShiftsPerDay: 1,
    published: [],
    locked: [],
  };
}

/**
 * Thành phố Huế in the 2025 set (no districts): its communes as units and one site each at the
 * commune's point, `people` per commune, teams based at the commune points in turn (stand-ins
 * for the commune police), the demo's town places per shift.
 */
export function thanhPhoHue2025(resources: Resources & { people: number; startsOn: string; days: number }): PlanInput {
  const province = units2025.provinces.find((unit) => unit.code === '46');
  const wards = province?.wards ?? [];
  const places = seedPlaces('46');
  return {
    today: resources.today,
    startsOn: resources.startsOn,
    deadline: addDays(resources.startsOn, resources.days - 1),
    quota: resources.people * wards.length,
    units: wards.map((ward) => ({ code: ward.code, people: resources.people })),
    sites: wards.map((ward) => ({ id: ward.code, unitCode: ward.code, lat: ward.lat, lng: ward.lng, places })),
    machines: Array.from({ length: resources.machines }, (_, index) => ({ id: `M${index + 1}` })),
    teams: Array.from({ length: resources.teams }, (_, index) => {
      const ward = wards[index % wards.length];
      return { id: `T${index + 1}`, base: { lat: ward?.lat ?? 0, lng: ward?.lng ?? 0 }, places: resources.teamPlaces ?? 120, daysOff: [] };
    }),
    daysOff: [],
    teamShiftsPerDay: 1,
    published: [],
    locked: [],
  };
}
