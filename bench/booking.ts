// `npm run bench:booking [-- --clients N --duration S --bookings M --direct-ips]`: how fast
// public.book_places books under concurrency, through the gateway (fetch → gateway → PostgREST →
// Postgres) and called straight in Postgres, on a throwaway stack. Every phase ends with a
// consistency check of its shifts; the exit code is non-zero if any shift was overbooked.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { onShutdown, shutdown } from '../scripts/lifecycle.ts';
import { testSlot } from '../supabase/local/config.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { liftRateLimits, startBookingRunner, type Path, type PhaseResult } from './support/booking-runner.ts';
import { createShifts, type ShiftSpec } from './support/data.ts';
import type { Limits } from './support/measure.ts';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '32' },
    duration: { type: 'string' },
    bookings: { type: 'string' },
    // Direct calls all count against one rate-limit row (IP 'direct'), whose lock serialises them;
    // with this flag each connection sends its own X-Forwarded-For, as gateway clients do.
    'direct-ips': { type: 'boolean', default: false },
  },
});
const clients = Number(args.clients);
// Each measured phase runs for --duration seconds or --bookings calls, whichever ends first.
const limits: Limits = {
  seconds: Number(args.duration ?? (args.bookings ? 600 : 10)),
  maxCalls: args.bookings ? Number(args.bookings) : Infinity,
};
// PostgREST keeps up to N connections and the direct phase opens N more; Postgres allows 200.
if (!(clients >= 1 && clients <= 90) || !(limits.seconds > 0) || !(limits.maxCalls >= 1)) {
  console.error('usage: node bench/booking.ts [--clients 1..90] [--duration seconds] [--bookings calls per phase] [--direct-ips]');
  process.exit(2);
}

// Shifts hold at most 5000 places (a check on public.shifts): the hot shift gets that many and
// its phases stop at 5000 calls, so it never fills.
const maxCapacity = 5000;

interface Scenario {
  name: string;
  sessions: number;
  shifts: ShiftSpec[];
  maxCalls: number;
}

const scenarios: Scenario[] = [
  { name: 'A hot shift', sessions: 1, shifts: [{ starts: '07:00', ends: '17:00', capacity: maxCapacity }], maxCalls: maxCapacity },
  { name: 'A hot, cap 200', sessions: 1, shifts: [{ starts: '07:00', ends: '17:00', capacity: 200 }], maxCalls: Infinity },
  {
    name: 'B spread 200×3',
    sessions: 200,
    shifts: [
      { starts: '07:00', ends: '12:00', capacity: 50 },
      { starts: '12:00', ends: '17:00', capacity: 50 },
      { starts: '17:00', ends: '22:00', capacity: 30 },
    ],
    maxCalls: Infinity,
  },
];

interface Result extends PhaseResult {
  scenario: string;
}

// A signal stops the stack under the running phase: its calls then fail, and that is no news.
const interruption = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => interruption.abort());

const started = Date.now();
try {
  console.log(`Starting a throwaway stack (PostgREST pool ${clients})…`);
  const stack = await startThrowawayStack('bench', 28321 + testSlot * 10, { restPoolSize: clients });
  onShutdown(() => stack.stop());
  console.log(`Stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.apiUrl}`);

  const db = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
  onShutdown(() => db.end());
  await liftRateLimits(stack.superuserDbUrl);
  console.log('Rate limits raised to 1,000,000 hits per window for this run: this measures the engine, not the limiter.');

  const runner = await startBookingRunner(stack, db, { clients, directIps: args['direct-ips'] });
  onShutdown(() => runner.close());

  async function measure(scenario: Scenario, path: Path, phaseLimits: Limits): Promise<Result> {
    const shiftIds = await createShifts(db, scenario.sessions, scenario.shifts);
    return { scenario: scenario.name, ...(await runner.measure(path, shiftIds, { ...phaseLimits, signal: interruption.signal })) };
  }

  const ms = (value: number) => value.toFixed(1);
  function report(result: Result): void {
    const refusals = result.refusals.map(([code, count]) => `${code} ${count}`).join(', ') || 'none';
    console.log(`\n${result.scenario} · ${result.path} · ${clients} clients`);
    console.log(`  calls ${result.calls}, booked ${result.booked}, refused: ${refusals}`);
    console.log(`  ${result.bookingsPerSecond.toFixed(0)} bookings/s, ${result.callsPerSecond.toFixed(0)} calls/s`);
    console.log(`  latency ms: p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)}  max ${ms(result.max)}`);
    console.log(`  overbooked shifts: ${result.overbooked} of ${result.shiftCount}`);
    if (result.bookedInDb !== result.booked) {
      console.log(`  WARNING: the shifts count ${result.bookedInDb} booked places, the clients were told ${result.booked}`);
    }
  }

  // A short unmeasured round on each path, so connections, plans and the JIT are warm.
  const warmUp: Scenario = { name: 'warm-up', sessions: 1, shifts: [{ starts: '07:00', ends: '17:00', capacity: maxCapacity }], maxCalls: 1000 };
  for (const path of ['gateway', 'direct'] as const) await measure(warmUp, path, { seconds: 1, maxCalls: 1000 });

  const limitText = Number.isFinite(limits.maxCalls) ? `${limits.maxCalls} calls` : `${limits.seconds} s`;
  console.log(`\nEach phase: ${clients} clients for ${limitText} (the hot shift stops at ${maxCapacity} calls, its capacity), 1 person per booking.`);
  console.log(
    args['direct-ips']
      ? 'Direct calls: each connection has its own client IP for the rate limits, like the gateway clients.'
      : "Direct calls: all share the rate-limit IP 'direct', whose counter row serialises them (--direct-ips gives each its own).",
  );
  const results: Result[] = [];
  for (const path of ['gateway', 'direct'] as const) {
    for (const scenario of scenarios) {
      const result = await measure(scenario, path, { seconds: limits.seconds, maxCalls: Math.min(limits.maxCalls, scenario.maxCalls) });
      if (interruption.signal.aborted) await shutdown(0);
      report(result);
      results.push(result);
    }
  }

  console.log('\nscenario         path     calls  booked  refused  calls/s  book/s   p50ms   p95ms   p99ms   maxms  overbooked');
  for (const r of results) {
    console.log(
      [
        r.scenario.padEnd(16),
        r.path.padEnd(7),
        String(r.calls).padStart(6),
        String(r.booked).padStart(7),
        String(r.calls - r.booked).padStart(8),
        r.callsPerSecond.toFixed(0).padStart(8),
        r.bookingsPerSecond.toFixed(0).padStart(7),
        ...[r.p50, r.p95, r.p99, r.max].map((v) => ms(v).padStart(7)),
        String(r.overbooked).padStart(11),
      ].join(' '),
    );
  }
  console.log('\ngateway / direct throughput (calls/s):');
  for (const scenario of scenarios) {
    const pair = (path: Path) => results.find((r) => r.scenario === scenario.name && r.path === path)!;
    console.log(`  ${scenario.name.padEnd(16)} ${(pair('gateway').callsPerSecond / pair('direct').callsPerSecond).toFixed(2)}`);
  }

  const overbooked = results.reduce((sum, r) => sum + r.overbooked, 0);
  console.log(`\n${overbooked === 0 ? 'OK: no shift overbooked' : `FAILED: ${overbooked} overbooked shifts`}; finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await shutdown(overbooked === 0 ? 0 : 1);
} catch (error) {
  if (!interruption.signal.aborted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(1);
}
