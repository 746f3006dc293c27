// The booking phases both bench:booking and bench:scale run: N clients calling public.book_places
// through the gateway (each its own source address and kept-alive connection) or straight in
// Postgres (one connection each), on given shifts, each phase ended by the consistency check of
// its shifts.
import pg from 'pg';
import { Agent, fetch } from 'undici';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { bookOnePerson, checkShifts, type BookArgs } from './data.ts';
import { keepBusy, summarise, type Limits, type Outcome, type Summary } from './measure.ts';

export type Path = 'gateway' | 'direct';

export interface PhaseResult extends Summary {
  path: Path;
  overbooked: number;
  shiftCount: number;
  bookedInDb: number;
}

export interface BookingRunner {
  /** Books one person per call on shifts picked at random from `shiftIds`, then checks them (bookedInDb: places booked meanwhile). */
  measure(path: Path, shiftIds: number[], limits: Limits): Promise<PhaseResult>;
  close(): Promise<void>;
}

/** The source address of gateway client `worker` (and its X-Forwarded-For when direct calls have their own). */
export function clientIp(worker: number): string {
  return `127.0.${9 + Math.floor(worker / 254)}.${1 + (worker % 254)}`;
}

/** Lifts the rate limits for a run that measures the engine, not the limiter. */
export async function liftRateLimits(superuserDbUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: superuserDbUrl });
  await admin.connect();
  try {
    await admin.query('update private.rate_limit_rules set max_hits = 1000000');
  } finally {
    await admin.end();
  }
}

/**
 * Direct calls, as postgres: the rate limits see IP 'direct' for all of them, or with `directIps`
 * each connection's own address, set as PostgREST sets request headers.
 */
export async function startBookingRunner(stack: RunningStack, db: pg.Pool, options: { clients: number; directIps: boolean }): Promise<BookingRunner> {
  const { clients } = options;
  const agents = Array.from({ length: clients }, (_, worker) => new Agent({ localAddress: clientIp(worker), connections: 1 }));
  const connections: pg.Client[] = [];
  const close = async () => {
    await Promise.all(agents.map((agent) => agent.close()));
    await Promise.all(connections.map((client) => client.end()));
  };
  try {
    for (let worker = 0; worker < clients; worker++) {
      const client = new pg.Client({ connectionString: stack.dbUrl });
      await client.connect();
      connections.push(client);
      if (options.directIps) {
        await client.query("select set_config('request.headers', $1, false)", [JSON.stringify({ 'x-forwarded-for': clientIp(worker) })]);
      }
    }
  } catch (error) {
    await close();
    throw error;
  }

  const callers: Record<Path, (worker: number, body: BookArgs) => Promise<Outcome>> = {
    gateway: async (worker, body) => {
      const response = await fetch(`${stack.apiUrl}/rest/v1/rpc/book_places`, {
        method: 'POST',
        headers: { apikey: stack.publishableKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        dispatcher: agents[worker],
      });
      const answer = (await response.json().catch(() => null)) as { ok?: boolean; code?: string } | null;
      return response.ok && answer?.ok === true ? 'ok' : (answer?.code ?? `http_${response.status}`);
    },
    direct: async (worker, body) => {
      const { rows } = await connections[worker]!.query<{ answer: { ok?: boolean; code?: string } }>(
        'select public.book_places($1, $2::jsonb, $3, $4, $5) as answer',
        [body.p_shift_id, JSON.stringify(body.p_people), body.p_phone, body.p_consent, body.p_idempotency_key],
      );
      const answer = rows[0]!.answer;
      return answer.ok === true ? 'ok' : (answer.code ?? 'no_code');
    },
  };

  return {
    async measure(path, shiftIds, limits) {
      const pickShift = () => shiftIds[Math.floor(Math.random() * shiftIds.length)]!;
      // Shifts may hold bookings already (bench:scale's national ones): the phase's are the difference.
      const before = await checkShifts(db, shiftIds);
      const run = await keepBusy(clients, limits, (worker) => callers[path](worker, bookOnePerson(pickShift())));
      const check = await checkShifts(db, shiftIds);
      return { path, ...summarise(run), overbooked: check.overbooked, shiftCount: shiftIds.length, bookedInDb: check.booked - before.booked };
    },
    close,
  };
}
