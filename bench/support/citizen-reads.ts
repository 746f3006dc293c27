// The citizen reads bench:scale measures, each with seeded varied arguments drawn from the data
// in the database, called through the gateway as the site calls them (GET for the reads the site
// lists as GET-able, POST otherwise), and explained inside Postgres with auto_explain.
import pg from 'pg';
import { Agent, fetch } from 'undici';
import { searchLimits, searchPageSize } from '../../src/domain/search-filters.ts';
import { getReads } from '../../src/lib/get-reads.ts';
import { picker, random } from './random.ts';
import { nationalIdBase } from './national-data.ts';

type Args = Record<string, string | number | null>;

export interface Read {
  name: string;
  /** The database function, or null for the unit pickers' table read. */
  rpc: string | null;
  args: Args[];
}

interface Samples {
  provinces: { code: string; unit_set: string }[];
  districts: string[];
  wards: { code: string; unit_set: string }[];
  sites: { lat: number; lng: number }[];
  campaigns: string[];
  shifts: string[];
  sessions: string[];
  communes: { lat: number; lng: number }[];
  wardNames: { name: string; kind: string }[];
  parents: { id: number; unit_set: string }[];
}

/** Units, sites, campaigns, shifts and sessions of the national data to draw arguments from. */
async function samples(db: pg.Pool): Promise<Samples> {
  const rows = async <T>(sql: string, values: unknown[] = []) => (await db.query<T & pg.QueryResultRow>(sql, values)).rows;
  const base = [nationalIdBase];
  const siteUnits = `select distinct w.id, w.code, w.unit_set, w.parent_id from public.intake_sites s join public.admin_units w on w.id = s.ward_id where s.id >= $1`;
  return {
    provinces: await rows(`select distinct p.code, p.unit_set from (${siteUnits}) w join public.admin_units d on d.id = w.parent_id
                           join public.admin_units p on p.id = coalesce(d.parent_id, d.id) order by 2, 1`, base),
    districts: (await rows<{ code: string }>(`select distinct d.code from (${siteUnits}) w join public.admin_units d on d.id = w.parent_id
                                             where w.unit_set = '2021' order by 1`, base)).map((r) => r.code),
    wards: await rows(`select code, unit_set from (${siteUnits}) w order by 2, 1`, base),
    sites: await rows(`select lat, lng from public.intake_sites where id >= $1 order by id`, base),
    campaigns: (await rows<{ slug: string }>(`select slug from public.campaigns where slug like 'quoc-gia-%' order by slug`)).map((r) => r.slug),
    shifts: (await rows<{ id: string }>(`select id from public.shifts where id >= $1 and booking_closes_at > now() order by id`, base)).map((r) => r.id),
    sessions: (await rows<{ id: string }>(`select id from public.intake_sessions where id >= $1 and session_date <= private.today() + 1 order by id`, base)).map((r) => r.id),
    communes: await rows(`select lat, lng from public.admin_units where unit_set = '2025' and level = 3 order by id`),
    wardNames: await rows(`select name, kind from public.admin_units where unit_set = '2021' and level = 3 order by id`),
    parents: await rows(`select id, unit_set from public.admin_units where level < 3 order by id`),
  };
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
const jitter = (next: () => number, value: number, spread: number) => Number((value + (next() - 0.5) * 2 * spread).toFixed(5));

/** Each read with `calls` argument sets, the same for a given seed and data. */
export async function citizenReads(db: pg.Pool, calls: number, seed: number): Promise<Read[]> {
  const s = await samples(db);
  const next = random(seed);
  const pick = picker(next);
  const many = (make: () => Args) => Array.from({ length: calls }, make);
  // A search asks for the schedules page's first page, as the site does (toSearchSessionsArgs).
  const searches = (make: () => Args) => many(() => ({ ...make(), p_limit: searchPageSize }));
  const point = () => {
    const site = pick(s.sites);
    // Inside the box the search accepts (searchLimits): sites of the Trường Sa special zone lie near
    // its southern edge, and a point jittered past it would be refused.
    const within = (value: number, limits: { min: number; max: number }) => Math.min(limits.max, Math.max(limits.min, value));
    return { p_lat: within(jitter(next, site.lat, 0.05), searchLimits.lat), p_lng: within(jitter(next, site.lng, 0.05), searchLimits.lng) };
  };
  const spellings = [
    (ward: { name: string }) => ward.name,
    (ward: { name: string }) => fold(ward.name),
    (ward: { name: string; kind: string }) => ward.name.slice(ward.kind.length + 1),
    (ward: { name: string; kind: string }) => fold(ward.name.slice(ward.kind.length + 1)),
  ];
  return [
    {
      name: 'search by province',
      rpc: 'search_sessions',
      args: searches(() => {
        const province = pick(s.provinces);
        return { p_province: province.code, p_unit_set: province.unit_set };
      }),
    },
    { name: 'search by district (2021)', rpc: 'search_sessions', args: searches(() => ({ p_district: pick(s.districts), p_unit_set: '2021' })) },
    {
      name: 'search by ward',
      rpc: 'search_sessions',
      args: searches(() => {
        const ward = pick(s.wards);
        return { p_ward: ward.code, p_unit_set: ward.unit_set };
      }),
    },
    { name: 'search by point', rpc: 'search_sessions', args: searches(() => ({ ...point(), p_unit_set: pick(['2021', '2025']) })) },
    {
      name: 'search by point + radius',
      rpc: 'search_sessions',
      args: searches(() => ({ ...point(), p_radius_km: pick([3, 5, 10, 20, 50]), p_unit_set: pick(['2021', '2025']) })),
    },
    { name: 'search by campaign', rpc: 'search_sessions', args: searches(() => ({ p_campaign: pick(s.campaigns) })) },
    {
      name: 'nearest_alternatives',
      rpc: 'nearest_alternatives',
      args: many(() => ({ p_shift_id: pick(s.shifts), p_limit: 6, p_places: pick([1, 1, 1, 2, 3]) })),
    },
    { name: 'campaign_progress', rpc: 'campaign_progress', args: many(() => ({ p_slug: pick(s.campaigns) })) },
    { name: 'now_serving_board', rpc: 'now_serving_board', args: many(() => ({ p_session_id: pick(s.sessions) })) },
    {
      name: 'locate_commune',
      rpc: 'locate_commune',
      args: many(() => {
        const commune = pick(s.communes);
        return { p_lat: jitter(next, commune.lat, 0.02), p_lng: jitter(next, commune.lng, 0.02) };
      }),
    },
    { name: 'old_ward_lookup', rpc: 'old_ward_lookup', args: many(() => ({ p_query: pick(spellings)(pick(s.wardNames)) })) },
    { name: 'campaign_directory', rpc: 'campaign_directory', args: many(() => ({ p_slug: next() < 0.5 ? null : pick(s.campaigns) })) },
    {
      name: 'admin_units (pickers)',
      rpc: null,
      args: many(() => {
        const parent = pick(s.parents);
        return { unit_set: parent.unit_set, parent_id: parent.id };
      }),
    },
  ];
}

/** The unit pickers' columns (src/islands/schedules/units.ts). */
const unitColumns = 'id,code,name,name_en,level,parent_id';

/** The reads the site calls with GET (src/lib/get-reads.ts, the one list). */
export const getReadNames: ReadonlySet<string> = new Set(getReads);

export interface ReadCaller {
  /** 'ok' or the HTTP status as http_NNN; with `parse`, the answer too. */
  call(read: Read, args: Args, parse?: boolean): Promise<{ outcome: string; answer?: unknown }>;
  method(read: Read): 'GET' | 'POST';
  close(): Promise<void>;
}

/** Calls reads through the gateway with the publishable key, as a browser on the site does. */
export function readCaller(apiUrl: string, publishableKey: string, getNames: ReadonlySet<string>, connections: number): ReadCaller {
  const agent = new Agent({ connections });
  const method = (read: Read) => (read.rpc === null || getNames.has(read.rpc) ? 'GET' : 'POST');
  return {
    method,
    async call(read, args, parse = false) {
      const present = Object.entries(args).filter(([, value]) => value !== null);
      let url: string;
      let body: string | undefined;
      if (read.rpc === null) {
        url = `${apiUrl}/rest/v1/admin_units?select=${unitColumns}&${present.map(([key, value]) => `${key}=eq.${value}`).join('&')}`;
      } else if (method(read) === 'GET') {
        url = `${apiUrl}/rest/v1/rpc/${read.rpc}?${new URLSearchParams(present.map(([key, value]) => [key, String(value)])).toString()}`;
      } else {
        url = `${apiUrl}/rest/v1/rpc/${read.rpc}`;
        body = JSON.stringify(Object.fromEntries(present));
      }
      const response = await fetch(url, {
        method: method(read),
        headers: { apikey: publishableKey, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
        dispatcher: agent,
      });
      const outcome = response.ok ? 'ok' : `http_${response.status}`;
      if (parse) return { outcome, answer: await response.json().catch(() => null) };
      await response.arrayBuffer();
      return { outcome };
    },
    close: () => agent.close(),
  };
}

/** The SQL a read runs as anon, with its arguments as literals. */
function readSql(client: pg.ClientBase, read: Read, args: Args): string {
  const present = Object.entries(args).filter(([, value]) => value !== null);
  if (read.rpc === null) {
    return `select ${unitColumns} from public.admin_units where ${present.map(([key, value]) => `${key} = ${client.escapeLiteral(String(value))}`).join(' and ')}`;
  }
  return `select * from public.${read.rpc}(${present.map(([key, value]) => `${key} => ${client.escapeLiteral(String(value))}`).join(', ')})`;
}

/**
 * The plans of one call of the read, as anon, from auto_explain (analyze, buffers, nested
 * statements: the queries inside the function), each distinct statement once.
 */
export async function explainRead(superuserDbUrl: string, read: Read, args: Args): Promise<string> {
  const client = new pg.Client({ connectionString: superuserDbUrl });
  await client.connect();
  const plans = new Map<string, string>();
  client.on('notice', (notice) => {
    const text = notice.message ?? '';
    // The statement's text: from "Query Text:" to its parameters or the plan's first node (the
    // first line with costs).
    const query = /Query Text:([\s\S]*?)\n(?=Query Parameters:|[^\n]*\(cost=)/.exec(text)?.[1]?.trim() ?? text;
    if (!plans.has(query)) plans.set(query, text);
  });
  try {
    await client.query(`load 'auto_explain'`);
    await client.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_buffers = on;
                        set auto_explain.log_nested_statements = on; set auto_explain.log_level = notice; set client_min_messages = notice`);
    await client.query(`set role anon; select set_config('request.jwt.claims', '{"role":"anon"}', false)`);
    plans.clear();
    await client.query(readSql(client, read, args));
  } finally {
    await client.end();
  }
  return [...plans.values()].join('\n');
}
