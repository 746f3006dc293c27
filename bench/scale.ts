// `npm run bench:scale [-- options]`: issue 16's targets at national scale, on a throwaway stack
// started with its scheduled jobs (as pg_cron runs them on hosted). Builds national data
// (bench/support/national-data.ts) at --small-sessions, measures, grows it to --sessions, measures
// again, and prints both with their ratio:
// - every citizen read through the gateway, --calls calls each with seeded varied arguments, one
//   call at a time (--read-clients; the latency of a call, as the issue measured its baseline with
//   sequential calls), cold (Postgres's shared buffers evicted and the OS page cache dropped just
//   before: the data comes from disk; connections and plan caches stay warm) and warm (the same
//   calls again), p50/p95/p99, with each read's plans (auto_explain of one call); then the same
//   calls again on --load-clients concurrent clients, printed with their rate and no target: on
//   this 2-core machine the clients, the gateway, PostgREST and Postgres share the cores, so a
//   call's time there is mostly its wait for one;
// - booking through the gateway and straight in Postgres, on one hot shift and spread over the
//   national shifts, with the ratio, and the consistency of every shift booked;
// - how old campaign_progress's figures (its as_of) are while the bookings run;
// - the rate limiter's size over a million calls of private.take_rate from a fixed population of
//   callers, after each tenth and the purge job.
// Exits with the number of targets missed, each printed. `--build-only [--keep]` builds the data
// (and the limiter calls) and prints the stack's addresses, for reading plans by hand.
import pg from 'pg';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { onShutdown, shutdown } from '../scripts/lifecycle.ts';
import { testSlot } from '../supabase/local/config.ts';
import type { RunningStack } from '../supabase/local/stack.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { liftRateLimits, startBookingRunner, type Path, type PhaseResult } from './support/booking-runner.ts';
import { citizenReads, explainRead, getReadNames, readCaller, type Read } from './support/citizen-reads.ts';
import { createShifts } from './support/data.ts';
import { keepBusy, percentile } from './support/measure.ts';
import { buildNationalData, checkNationalData, makeRateLimitCalls, nationalIdBase } from './support/national-data.ts';
import { limiterSize, measureLimiterGrowth, purgeRateLimits, type LimiterGrowth, type LimiterSize } from './support/rate-limiter.ts';

const { values: args } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    'small-sessions': { type: 'string', default: '10000' },
    calls: { type: 'string', default: '1000' },
    'read-seconds': { type: 'string', default: '60' },
    'read-clients': { type: 'string', default: '1' },
    'load-clients': { type: 'string', default: '4' },
    clients: { type: 'string', default: '32' },
    'booking-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: '16' },
    // Rate limiter calls in all; the first measure is taken after a tenth of them.
    'rate-calls': { type: 'string', default: '1000000' },
    'build-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sessions = Number(args.sessions);
const smallSessions = Number(args['small-sessions']);
const calls = Number(args.calls);
const readSeconds = Number(args['read-seconds']);
const readClients = Number(args['read-clients']);
const loadClients = Number(args['load-clients']);
const clients = Number(args.clients);
const bookingSeconds = Number(args['booking-seconds']);
const seed = Number(args.seed);
const rateCalls = Number(args['rate-calls']);
if (
  ![sessions, smallSessions, calls, readSeconds, readClients, loadClients, clients, bookingSeconds, rateCalls].every((value) => value > 0) ||
  smallSessions % 10 !== 0 || sessions % 10 !== 0 || (smallSessions > sessions && !args['build-only']) || clients > 90
) {
  console.error(
    'usage: node bench/scale.ts [--sessions 100000] [--small-sessions 10000] [--calls 1000] [--read-seconds 60] [--read-clients 1]\n' +
      '                           [--load-clients 4] [--clients 1..90] [--booking-seconds 10] [--seed 16] [--rate-calls 1000000]\n' +
      '       node bench/scale.ts --build-only [--sessions N] [--rate-calls N] [--keep]',
  );
  process.exit(2);
}

// Issue 16's targets.
const targets = { readP95Ms: 50, hotPerSecond: 300, spreadPerSecond: 500, progressAgeSeconds: 60, degradation: 2 };
// Below this a p95 is noise on a shared 2-core machine: ratios are taken of at least this much.
const ratioFloorMs = 5;
const limiterSteps = [Math.round(rateCalls / 10), rateCalls];
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);

interface Latencies {
  method: 'GET' | 'POST';
  calls: number;
  /** Calls answered per second over the run. */
  perSecond: number;
  failures: string;
  p50: number;
  p95: number;
  p99: number;
  capped: boolean;
}

interface ScaleResult {
  sessions: number;
  cold: Map<string, Latencies>;
  warm: Map<string, Latencies>;
  loaded: Map<string, Latencies>;
  bookings: Map<string, PhaseResult>;
  progressAges: number[];
  progressAsOf: boolean;
  limiter: LimiterSize;
  limiterCalls: number;
  limiterPurge: string;
}

const interruption = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => interruption.abort());

function quietPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  // A connection Postgres ends (as on a stop under a running phase) is dropped, not thrown.
  pool.on('error', () => {});
  return pool;
}

/**
 * Makes the next reads cold: every buffer of Postgres's shared buffers evicted (pg_buffercache,
 * Postgres 17), and the OS page cache dropped when the sandbox lets us; says whether it did.
 * Processes stay up, so connections, catalog caches and PL/pgSQL plans stay warm.
 */
async function makeCold(su: pg.Pool): Promise<boolean> {
  await su.query('create extension if not exists pg_buffercache');
  await su.query('select pg_buffercache_evict(bufferid) from pg_buffercache where relfilenode is not null');
  return writeFile('/proc/sys/vm/drop_caches', '3').then(() => true, () => false);
}

async function measureRead(stack: RunningStack, read: Read, getNames: ReadonlySet<string>, readers: number): Promise<Latencies> {
  const caller = readCaller(stack.apiUrl, stack.publishableKey, getNames, readers);
  const codes = new Map<string, number>();
  // The first arguments each failure came with, so that it can be called again by hand.
  const examples = new Map<string, string>();
  let index = 0;
  try {
    const run = await keepBusy(readers, { seconds: readSeconds, maxCalls: read.args.length, signal: interruption.signal }, async () => {
      const args = read.args[index++ % read.args.length]!;
      const { outcome } = await caller.call(read, args);
      if (outcome !== 'ok' && !codes.has(outcome)) examples.set(outcome, JSON.stringify(args));
      if (outcome !== 'ok') codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
      return outcome;
    });
    const sorted = [...run.latenciesMs].sort((a, b) => a - b);
    return {
      method: caller.method(read),
      calls: sorted.length,
      perSecond: sorted.length / run.seconds,
      failures: [...codes].map(([code, count]) => `${code} ×${count} (first: ${examples.get(code)})`).join(', '),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      capped: sorted.length < read.args.length,
    };
  } finally {
    await caller.close();
  }
}

async function measureScale(stack: RunningStack, su: pg.Pool, db: pg.Pool, target: number, limiterFrom: number, limiterTo: number): Promise<ScaleResult> {
  log(`building national data up to ${target.toLocaleString('en')} sessions…`);
  const summary = await buildNationalData(su, { sessions: target, seed, log });
  log(`data: ${JSON.stringify(summary)}`);
  const consistency = await checkNationalData(su);
  if (consistency.inconsistentShifts || consistency.sessionsOutsideCampaign) throw new Error(`the national data is inconsistent: ${JSON.stringify(consistency)}`);

  log(`rate limiter: calls ${limiterFrom.toLocaleString('en')}–${(limiterTo - 1).toLocaleString('en')} through private.take_rate…`);
  await makeRateLimitCalls(su, { from: limiterFrom, to: limiterTo, seed, log });
  const limiterPurge = await purgeRateLimits(db);
  const limiter = await limiterSize(su);
  log(`rate limiter after ${limiterTo.toLocaleString('en')} calls and ${limiterPurge}: ${JSON.stringify(limiter)}`);

  const reads = await citizenReads(db, calls, seed);
  const cold = new Map<string, Latencies>();
  const warm = new Map<string, Latencies>();
  const loaded = new Map<string, Latencies>();
  const plans: string[] = [];
  for (const read of reads) {
    const dropped = await makeCold(su);
    cold.set(read.name, await measureRead(stack, read, getReadNames, readClients));
    warm.set(read.name, await measureRead(stack, read, getReadNames, readClients));
    loaded.set(read.name, await measureRead(stack, read, getReadNames, loadClients));
    plans.push(`\n===== ${read.name} (${target.toLocaleString('en')} sessions): ${JSON.stringify(read.args[0])}\n${await explainRead(stack.superuserDbUrl, read, read.args[0]!)}`);
    log(`${read.name}: cold p95 ${cold.get(read.name)!.p95.toFixed(1)} ms, warm p95 ${warm.get(read.name)!.p95.toFixed(1)} ms, on ${loadClients} clients p95 ${loaded.get(read.name)!.p95.toFixed(1)} ms${dropped ? '' : ' (page cache not dropped)'}`);
    if (interruption.signal.aborted) await shutdown(0);
  }
  console.log(`\n----- Plans at ${target.toLocaleString('en')} sessions (auto_explain, one call each, as anon; each statement once) -----`);
  console.log(plans.join('\n'));

  await liftRateLimits(stack.superuserDbUrl);
  const runner = await startBookingRunner(stack, db, { clients, directIps: false });
  const bookings = new Map<string, PhaseResult>();
  const progress = watchProgress(stack, getReadNames, reads.find((read) => read.rpc === 'campaign_progress')!);
  try {
    const spreadShifts = async (offset: number) =>
      (await db.query<{ id: string }>(
        `select id from public.shifts where id >= $1 and booking_closes_at > now() + interval '1 hour' and capacity - booked >= 10
         order by hashint8(id) offset $2 limit 2000`,
        [nationalIdBase, offset],
      )).rows.map((row) => Number(row.id));
    const phases: [string, Path, () => Promise<number[]>, number][] = [
      ['hot', 'gateway', () => createShifts(db, 1, [{ starts: '07:00', ends: '17:00', capacity: 5000 }]), 5000],
      ['spread', 'gateway', () => spreadShifts(0), Infinity],
      ['hot', 'direct', () => createShifts(db, 1, [{ starts: '07:00', ends: '17:00', capacity: 5000 }]), 5000],
      ['spread', 'direct', () => spreadShifts(2000), Infinity],
    ];
    for (const [scenario, path, shifts, maxCalls] of phases) {
      const result = await runner.measure(path, await shifts(), { seconds: bookingSeconds, maxCalls, signal: interruption.signal });
      bookings.set(`${scenario} ${path}`, result);
      log(`booking ${scenario} via ${path}: ${result.bookingsPerSecond.toFixed(0)}/s, ${result.overbooked} overbooked of ${result.shiftCount} shifts`);
    }
  } finally {
    await runner.close();
  }
  const { ages, asOf } = await progress.stop();
  return { sessions: target, cold, warm, loaded, bookings, progressAges: ages, progressAsOf: asOf, limiter, limiterCalls: limiterTo, limiterPurge };
}

/** Reads campaign_progress every 2 s while the bookings run, noting how old its figures are. */
function watchProgress(stack: RunningStack, getNames: ReadonlySet<string>, read: Read) {
  const caller = readCaller(stack.apiUrl, stack.publishableKey, getNames, 1);
  const ages: number[] = [];
  let asOf = true;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const { answer } = (await caller.call(read, read.args[i % read.args.length]!, true).catch(() => ({ answer: null }))) as { answer: { as_of?: string } | null };
      if (answer && answer.as_of === undefined) asOf = false;
      else if (answer?.as_of) ages.push((Date.now() - Date.parse(answer.as_of)) / 1000);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await caller.close();
      return { ages, asOf };
    },
  };
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1));
const ratio = (small: number, big: number) => Math.max(big, ratioFloorMs) / Math.max(small, ratioFloorMs);

function report(small: ScaleResult, big: ScaleResult, growth: LimiterGrowth): string[] {
  const missed: string[] = [];
  const label = (result: ScaleResult) => `${(result.sessions / 1000).toFixed(0)}k`;
  for (const kind of ['cold', 'warm'] as const) {
    console.log(`\nReads, ${kind} (ms; ${readClients === 1 ? 'one call at a time' : `${readClients} concurrent clients`}; ratio = p95 ${label(big)} / p95 ${label(small)}, each at least ${ratioFloorMs} ms)`);
    console.log(`read                         method  ${label(small).padStart(5)}: calls    p50    p95    p99   ${label(big).padStart(5)}: calls    p50    p95    p99  ratio`);
    for (const [name, a] of small[kind]) {
      const b = big[kind].get(name)!;
      const r = ratio(a.p95, b.p95);
      console.log(
        [
          name.padEnd(28),
          a.method.padEnd(6),
          `${a.calls}${a.capped ? '*' : ''}`.padStart(12),
          ms(a.p50).padStart(6),
          ms(a.p95).padStart(6),
          ms(a.p99).padStart(6),
          `${b.calls}${b.capped ? '*' : ''}`.padStart(12),
          ms(b.p50).padStart(6),
          ms(b.p95).padStart(6),
          ms(b.p99).padStart(6),
          r.toFixed(2).padStart(6),
          a.failures || b.failures ? `  failures: ${[a.failures, b.failures].filter(Boolean).join(' / ')}` : '',
        ].join(' '),
      );
      for (const result of [small, big]) {
        const latencies = result[kind].get(name)!;
        const problems = [
          ...(latencies.p95 < targets.readP95Ms ? [] : [`p95 ${ms(latencies.p95)} ms (target < ${targets.readP95Ms} ms)`]),
          ...(latencies.capped ? [`only ${latencies.calls} calls in ${readSeconds} s (asked ${calls})`] : []),
          ...(latencies.failures ? [`failed calls: ${latencies.failures}`] : []),
        ];
        if (problems.length) missed.push(`${name} ${kind} at ${label(result)}: ${problems.join('; ')}`);
      }
      if (r > targets.degradation) missed.push(`${name} ${kind} p95 ${r.toFixed(2)}× worse at ${label(big)} than at ${label(small)} (target ≤ ${targets.degradation}×)`);
    }
  }
  console.log('  * fewer calls than asked: the read hit its time cap (--read-seconds).');

  console.log(`\nReads under load, warm (ms; ${loadClients} concurrent clients on this machine's cores, no target: the rate the database, PostgREST and the gateway answer at)`);
  console.log(`read                         ${label(small).padStart(5)}: calls/s    p50    p95    p99   ${label(big).padStart(5)}: calls/s    p50    p95    p99`);
  for (const [name, a] of small.loaded) {
    const b = big.loaded.get(name)!;
    console.log(
      [name.padEnd(28), a.perSecond.toFixed(0).padStart(15), ms(a.p50).padStart(6), ms(a.p95).padStart(6), ms(a.p99).padStart(6),
       b.perSecond.toFixed(0).padStart(15), ms(b.p50).padStart(6), ms(b.p95).padStart(6), ms(b.p99).padStart(6),
       a.failures || b.failures ? `  failures: ${[a.failures, b.failures].filter(Boolean).join(' / ')}` : ''].join(' '),
    );
    for (const [result, r] of [[small, a], [big, b]] as const) if (r.failures) missed.push(`${name} under load at ${label(result)}: failed calls: ${r.failures}`);
  }

  console.log(`\nBooking (${clients} clients, ${bookingSeconds} s or 5,000 calls per phase, one person per call; ratio = gateway / direct)`);
  console.log(`phase             ${label(small).padStart(5)}: book/s    p95  overbooked   ${label(big).padStart(5)}: book/s    p95  overbooked`);
  for (const [name, a] of small.bookings) {
    const b = big.bookings.get(name)!;
    console.log(
      `${name.padEnd(16)} ${a.bookingsPerSecond.toFixed(0).padStart(14)} ${ms(a.p95).padStart(6)} ${String(a.overbooked).padStart(11)} ${b.bookingsPerSecond.toFixed(0).padStart(16)} ${ms(b.p95).padStart(6)} ${String(b.overbooked).padStart(11)}`,
    );
    for (const [result, r] of [[small, a], [big, b]] as const) {
      if (r.overbooked > 0) missed.push(`${r.overbooked} overbooked shifts (${name}, ${label(result)})`);
      if (r.bookedInDb !== r.booked) missed.push(`${name} at ${label(result)}: the shifts count ${r.bookedInDb} booked places, the clients were told ${r.booked}`);
    }
  }
  for (const scenario of ['hot', 'spread'] as const) {
    const line = [small, big].map((result) => {
      const gateway = result.bookings.get(`${scenario} gateway`)!;
      const direct = result.bookings.get(`${scenario} direct`)!;
      const need = scenario === 'hot' ? targets.hotPerSecond : targets.spreadPerSecond;
      if (gateway.bookingsPerSecond < need) missed.push(`booking ${scenario} via the gateway ${gateway.bookingsPerSecond.toFixed(0)}/s at ${label(result)} (target ≥ ${need}/s)`);
      return `${label(result)} ${(gateway.bookingsPerSecond / direct.bookingsPerSecond).toFixed(2)}`;
    });
    const slower = small.bookings.get(`${scenario} gateway`)!.bookingsPerSecond / big.bookings.get(`${scenario} gateway`)!.bookingsPerSecond;
    if (slower > targets.degradation) missed.push(`booking ${scenario} via the gateway ${slower.toFixed(2)}× slower at ${label(big)} (target ≤ ${targets.degradation}×)`);
    console.log(`  ${scenario}: gateway / direct ${line.join(', ')}; ${label(small)} / ${label(big)} via the gateway ${slower.toFixed(2)}`);
  }

  console.log('\nProgress figures while booking (campaign_progress as_of, read every 2 s through the gateway)');
  for (const result of [small, big]) {
    if (!result.progressAsOf) {
      console.log(`  ${label(result)}: no as_of`);
      missed.push(`campaign_progress has no as_of at ${label(result)}: how old its figures are is unknown (target ≤ ${targets.progressAgeSeconds} s)`);
      continue;
    }
    const oldest = Math.max(...result.progressAges);
    console.log(`  ${label(result)}: ${result.progressAges.length} reads, oldest figures ${oldest.toFixed(1)} s`);
    if (!(oldest <= targets.progressAgeSeconds)) missed.push(`progress figures ${oldest.toFixed(1)} s old at ${label(result)} (target ≤ ${targets.progressAgeSeconds} s)`);
  }

  console.log('\nRate limiter (private.rate_limit_* but rate_limit_rules: total size with indexes, after the purge job)');
  for (const result of [small, big]) {
    console.log(`  national data at ${label(result)}: ${result.limiterCalls.toLocaleString('en')} calls in all (${result.limiterPurge}): ${(result.limiter.bytes / 1024 / 1024).toFixed(1)} MB, ${result.limiter.rows.toLocaleString('en')} rows`);
  }
  const mb = (size: LimiterSize) => `${(size.bytes / 1024 / 1024).toFixed(1)} MB, ${size.rows.toLocaleString('en')} rows`;
  console.log(`  a million calls from 5,000 addresses and 5,000 phones (two actions each), after each tenth; ${growth.minutesCrossed} minute bucket(s) begun during it:`);
  console.log(`    before: ${mb(growth.before)}`);
  for (const step of growth.steps) console.log(`    ${step.calls.toLocaleString('en').padStart(9)} calls: ${mb(step.size)}`);
  // Flat: once every caller has called (the first tenth), ten times the calls may add at most half
  // as much room again as the first tenth took.
  const first = growth.steps[0]!.size.bytes - growth.before.bytes;
  const last = growth.steps.at(-1)!.size.bytes - growth.before.bytes;
  const limiterRatio = last / Math.max(first, 1);
  console.log(`  growth from the first tenth to all the calls: ${limiterRatio.toFixed(2)}×`);
  if (!(limiterRatio <= 1.5)) missed.push(`the rate limiter grows with calls: ${limiterRatio.toFixed(2)}× the room after 10× the calls (target: flat, ≤ 1.5×; ${growth.minutesCrossed} minute buckets begun)`);
  return missed;
}

async function buildOnly(stack: RunningStack, su: pg.Pool): Promise<void> {
  const summary = await buildNationalData(su, { sessions, seed, rateLimitCalls: limiterSteps.at(-1), log });
  log(`data: ${JSON.stringify(summary)}; ${JSON.stringify(await checkNationalData(su))}`);
  console.log(`API ${stack.apiUrl} (publishable key ${stack.publishableKey})\ndatabase ${stack.dbUrl}\nsuperuser ${stack.superuserDbUrl}`);
  if (args.keep) {
    console.log('Kept running: Ctrl-C stops the stack and deletes its data.');
    await new Promise((resolve) => interruption.signal.addEventListener('abort', resolve));
  }
}

try {
  log(`starting a throwaway stack with its scheduled jobs (TEST_SLOT ${testSlot}, PostgREST pool ${clients})…`);
  const stack = await startThrowawayStack('bench-scale', 29321 + testSlot * 10, { restPoolSize: clients, scheduledJobs: true });
  onShutdown(() => stack.stop());
  const su = quietPool(stack.superuserDbUrl);
  onShutdown(() => su.end());
  const db = quietPool(stack.dbUrl);
  onShutdown(() => db.end());
  if (args['build-only']) {
    await buildOnly(stack, su);
    await shutdown(0);
  }
  log(`reads called with GET: ${[...getReadNames].join(', ')}`);
  log(`cold: before each read, Postgres's shared buffers evicted${(await makeCold(su)) ? ' and the OS page cache dropped' : ' (the OS page cache cannot be dropped here)'}; processes stay up`);
  const small = await measureScale(stack, su, db, smallSessions, 0, limiterSteps[0]!);
  const big = await measureScale(stack, su, db, sessions, limiterSteps[0]!, limiterSteps[1]!);
  const growth = await measureLimiterGrowth(su, db, { calls: rateCalls, seed, log });
  const missed = report(small, big, growth);
  console.log(`\nFinished in ${elapsed()}. The machine is shared: absolute figures are noisy, compare runs made in the same conditions.`);
  if (missed.length === 0) console.log('All targets met.');
  else {
    console.log(`${missed.length} targets missed:`);
    for (const miss of missed) console.log(`  MISSED ${miss}`);
  }
  await shutdown(Math.min(missed.length, 100));
} catch (error) {
  if (!interruption.signal.aborted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(interruption.signal.aborted ? 0 : 101);
}
