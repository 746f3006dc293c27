// `npm run bench:units [-- --calls N --seed S]`: how long the two unit lookups take at the
// database, on a throwaway stack: public.locate_commune over random points (in random communes'
// boxes, so inside, near a border and at sea alike) and public.old_ward_lookup over random 2021
// ward names (as written, without tone marks, without the kind, lower case). Each call is timed
// inside Postgres (clock_timestamp around it), so the figures leave out the network and PostgREST.
// Exits non-zero when the p95 of either is above 20 ms.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { onShutdown, shutdown } from '../scripts/lifecycle.ts';
import { dbUrl, testSlot } from '../supabase/local/config.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { percentile } from './support/measure.ts';
import { picker, random } from './support/random.ts';

const { values: args } = parseArgs({ options: { calls: { type: 'string', default: '1000' }, seed: { type: 'string', default: '13' } } });
const calls = Number(args.calls);
if (!(calls >= 1 && calls <= 100_000)) {
  console.error('usage: node bench/units.ts [--calls 1..100000] [--seed number]');
  process.exit(2);
}
const limitMs = 20;

// Times each call of `call` (a statement with $1, $2 bound from the row) inside the database.
const timer = `create function pg_temp.time_calls(p_call text, p_args jsonb)
returns double precision[] language plpgsql as $$
declare
  v_args jsonb;
  v_start timestamptz;
  v_times double precision[] := '{}';
begin
  for v_args in select jsonb_array_elements(p_args) loop
    v_start := clock_timestamp();
    execute p_call using v_args ->> 0, v_args ->> 1;
    v_times := v_times || extract(epoch from clock_timestamp() - v_start) * 1000;
  end loop;
  return v_times;
end;
$$`;

async function main() {
  const started = Date.now();
  const stack = await startThrowawayStack('bench-units', 28326 + testSlot * 10);
  onShutdown(() => stack.stop());
  // What a test stack's start costs with the unit data in its migrations (README, "Reference data").
  console.log(`throwaway stack (migrations with the unit data, seed, demo staff) up in ${Date.now() - started} ms`);
  const db = new pg.Client({ connectionString: dbUrl(stack.config) });
  await db.connect();
  onShutdown(() => db.end());
  await db.query(timer);
  const next = random(Number(args.seed));
  const pick = picker(next);

  const communes = (await db.query<{ bbox: string }>(`select bbox::text from public.admin_units where unit_set = '2025' and level = 3`)).rows
    .map(({ bbox }) => bbox.match(/-?[\d.]+/g)!.map(Number) as [number, number, number, number]);
  const points = Array.from({ length: calls }, () => {
    const [x1, y1, x2, y2] = pick(communes);
    return [y2 + next() * (y1 - y2), x2 + next() * (x1 - x2)].map((value) => value.toFixed(6));
  });

  const wards = (await db.query<{ name: string; kind: string }>(`select name, kind from public.admin_units where unit_set = '2021' and level = 3`)).rows;
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const spellings = [
    (ward: { name: string }) => ward.name,
    (ward: { name: string }) => fold(ward.name),
    (ward: { name: string; kind: string }) => ward.name.slice(ward.kind.length + 1),
    (ward: { name: string; kind: string }) => fold(ward.name.slice(ward.kind.length + 1)),
  ];
  const names = Array.from({ length: calls }, () => [pick(spellings)(pick(wards)), null]);

  const measure = async (label: string, call: string, rows: unknown[][]) => {
    const { rows: [result] } = await db.query<{ times: number[] }>('select pg_temp.time_calls($1, $2) as times', [call, JSON.stringify(rows)]);
    const times = [...result!.times].sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(`${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(2).padStart(6)} ms   p95 ${p95.toFixed(2).padStart(6)} ms   max ${times.at(-1)!.toFixed(2).padStart(7)} ms`);
    return p95;
  };

  const found = (await db.query<{ found: number }>(
    `select count(*) filter (where public.locate_commune((p ->> 0)::double precision, (p ->> 1)::double precision) ->> 'found' = 'true')::integer as found
     from jsonb_array_elements($1::jsonb) p`, [JSON.stringify(points)])).rows[0]!.found;
  console.log(`${calls} points (${found} in a commune), ${calls} names; each call timed in Postgres`);
  const worst = Math.max(
    await measure('locate_commune (point → 2025 commune)', 'select public.locate_commune($1::double precision, $2::double precision)', points),
    await measure('old_ward_lookup (2021 ward name)', 'select public.old_ward_lookup($1)', names),
  );
  if (worst > limitMs) {
    console.error(`a p95 is above ${limitMs} ms`);
    await shutdown(1);
  }
  await shutdown(0);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await shutdown(1);
});
