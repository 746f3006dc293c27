// The measuring part of the benchmarks: keep N workers busy until a deadline or a number of
// calls, record each call's outcome code and latency, and summarise them.

/** What one call ended as: 'ok' for a booking, otherwise the refusal or error code. */
export type Outcome = string;

export interface Run {
  seconds: number;
  latenciesMs: number[];
  codes: Map<Outcome, number>;
}

export interface Limits {
  seconds: number;
  maxCalls: number;
  /** Ends the run early, as on Ctrl-C. */
  signal?: AbortSignal;
}

/** Runs `call` on `workers` workers, each starting its next call as soon as the last one ended. */
export async function keepBusy(workers: number, limits: Limits, call: (worker: number) => Promise<Outcome>): Promise<Run> {
  const latenciesMs: number[] = [];
  const codes = new Map<Outcome, number>();
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  let startedCalls = 0;
  const worker = async (index: number) => {
    while (startedCalls < limits.maxCalls && performance.now() < deadline && !limits.signal?.aborted) {
      startedCalls++;
      const t0 = performance.now();
      const outcome = await call(index).catch((error: unknown) => `exception: ${(error as Error).message}`);
      latenciesMs.push(performance.now() - t0);
      codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  return { seconds: (performance.now() - started) / 1000, latenciesMs, codes };
}

/** Nearest-rank percentile of values sorted ascending; p in 0..100. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  calls: number;
  booked: number;
  refusals: [Outcome, number][];
  callsPerSecond: number;
  bookingsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(run: Run): Summary {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const booked = run.codes.get('ok') ?? 0;
  return {
    calls: sorted.length,
    booked,
    refusals: [...run.codes].filter(([code]) => code !== 'ok').sort((a, b) => b[1] - a[1]),
    callsPerSecond: sorted.length / run.seconds,
    bookingsPerSecond: booked / run.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}
