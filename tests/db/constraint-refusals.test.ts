// A constraint violated inside a function answers the refusal private.constraint_refusals names for
// it. The functions check their rules first, so a violation happens when two calls pass the check
// at once: here the first call's transaction is held open until the second waits on it, then
// committed, so the second meets the constraint instead of the check.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import { officer, stack } from './support/clients.ts';
import { bookArgs, createCampaign, createSession, idempotencyKey, person, phone, placeIn, sql, type Place } from './support/fixtures.ts';

interface Answer {
  status: string | null;
  body: Record<string, unknown>;
}

/** A connection inside an open transaction, as a role with claims, from its own client address. */
class Caller {
  readonly warnings: string[] = [];
  private readonly client: pg.Client;
  readonly pid: number;

  private constructor(client: pg.Client, pid: number) {
    this.client = client;
    this.pid = pid;
    client.on('notice', (notice) => {
      if (notice.severity === 'WARNING') this.warnings.push(notice.message ?? '');
    });
  }

  static async open(claims: Record<string, unknown>): Promise<Caller> {
    const client = new pg.Client({ connectionString: stack.dbUrl });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await client.query('begin');
    const headers = JSON.stringify({ 'x-forwarded-for': `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });
    await client.query("select set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)", [JSON.stringify(claims), headers]);
    await client.query(`set local role ${String(claims.role)}`);
    return new Caller(client, rows[0]!.pid);
  }

  /** Calls a function; its answer and the HTTP status PostgREST would send. */
  async call(fn: string, args: unknown[]): Promise<Answer> {
    const params = args.map((_, i) => `$${i + 1}`).join(', ');
    const { rows } = await this.client.query<{ body: Answer['body'] }>(`select public.${fn}(${params}) as body`, args);
    const status = await this.client.query<{ status: string | null }>("select current_setting('response.status', true) as status");
    return { status: status.rows[0]!.status, body: rows[0]!.body };
  }

  async commitAndClose(): Promise<void> {
    try {
      await this.client.query('commit');
    } finally {
      await this.client.end();
    }
  }

  async close(): Promise<void> {
    await this.client.query('rollback').catch(() => {});
    await this.client.end();
  }
}

async function waitUntilBlocked(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ wait: string | null }>('select wait_event_type as wait from pg_stat_activity where pid = $1', [pid]);
    if (row?.wait === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`backend ${pid} never waited on a lock`);
}

/**
 * The answer of the second call, made while the first call's transaction is open and holds what the
 * second needs; the first commits once the second waits on it.
 */
async function loserOfRace(
  first: { claims: Record<string, unknown>; fn: string; args: unknown[] },
  second: { claims: Record<string, unknown>; fn: string; args: unknown[] },
): Promise<{ winner: Answer; loser: Answer; warnings: string[] }> {
  const a = await Caller.open(first.claims);
  let b: Caller | undefined;
  try {
    const winner = await a.call(first.fn, first.args);
    b = await Caller.open(second.claims);
    const pending = b.call(second.fn, second.args);
    await waitUntilBlocked(b.pid);
    await a.commitAndClose();
    const loser = await pending;
    return { winner, loser, warnings: b.warnings };
  } finally {
    await a.close().catch(() => {});
    await b?.close();
  }
}

const anon = { role: 'anon' };
const bookingCall = (args: ReturnType<typeof bookArgs>) => ({
  claims: anon,
  fn: 'book_places',
  args: [args.p_shift_id, JSON.stringify(args.p_people), args.p_phone, args.p_consent, args.p_idempotency_key],
});

let campaignId: number;
let place: Place;
beforeAll(async () => {
  campaignId = (await createCampaign('46')).id;
  place = { ...(await placeIn('474')), wardCode: '19786' };
});

describe('a race decided by a constraint answers the code mapped to it', () => {
  test('the same person booked twice at once, in two shifts from two phones: the second is already_booked', async () => {
    const { shiftIds } = await createSession({ campaignId, place });
    const someone = person();
    const { winner, loser } = await loserOfRace(bookingCall(bookArgs(shiftIds[0]!, [someone])), bookingCall(bookArgs(shiftIds[1]!, [someone])));
    expect(winner.body.ok).toBe(true);
    expect(loser).toEqual({ status: '409', body: { code: 'already_booked', message: 'already_booked', details: null, hint: null } });
  });

  test('one idempotency key sent with two phones at once: the second is idempotency_conflict, not already_booked', async () => {
    const { shiftIds } = await createSession({ campaignId, place });
    const key = idempotencyKey();
    const { winner, loser } = await loserOfRace(
      bookingCall(bookArgs(shiftIds[0]!, [person()], { p_idempotency_key: key })),
      bookingCall(bookArgs(shiftIds[0]!, [person()], { p_idempotency_key: key, p_phone: phone() })),
    );
    expect(winner.body.ok).toBe(true);
    expect(loser).toMatchObject({ status: '409', body: { code: 'idempotency_conflict' } });
  });

  test('a session moved onto a date another officer just planned at the same site: session_exists', async () => {
    const client = await officer('commune_officer', '19786');
    const claims = { role: 'authenticated', sub: (await client.auth.getUser()).data.user!.id };
    const { sessionId, siteId } = await createSession({ campaignId, place, inDays: 10 });
    const date = addDays(todayInVietnam(), 11);
    const { winner, loser } = await loserOfRace(
      { claims, fn: 'staff_create_session', args: [campaignId, date, JSON.stringify(defaultShifts()), siteId, null] },
      { claims, fn: 'staff_move_session', args: [sessionId, date] },
    );
    expect(winner.body.ok).toBe(true);
    expect(loser).toMatchObject({ status: '409', body: { code: 'session_exists' } });
  });
});

describe('a constraint nothing maps', () => {
  test('answers unexpected (500) and logs the function and the constraint', async () => {
    const client = await officer('commune_officer', '19786');
    const claims = { role: 'authenticated', sub: (await client.auth.getUser()).data.user!.id };
    const { shiftIds } = await createSession({ campaignId, place });
    // A state no function makes: a walk-in already holds the shift's next queue number.
    await sql('insert into public.walk_ins (shift_id, queue_no, created_by) values ($1, 1, $2)', [shiftIds[0], claims.sub]);
    const caller = await Caller.open(claims);
    try {
      expect(await caller.call('staff_add_walk_in', [shiftIds[0], idempotencyKey()])).toEqual({
        status: '500',
        body: { code: 'unexpected', message: 'unexpected', details: null, hint: null },
      });
      expect(caller.warnings).toEqual([expect.stringMatching(/^staff_add_walk_in failed: 23505 .*\(constraint: walk_ins_shift_id_queue_no_key\)$/)]);
    } finally {
      await caller.close();
    }
  });
});

test('every mapped constraint exists, by its name, as a constraint or a unique index', async () => {
  const dangling = await sql(`select r.constraint_name from private.constraint_refusals r
    where not exists (select 1 from pg_constraint c where c.conname = r.constraint_name)
      and not exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid where i.indisunique and c.relname = r.constraint_name)`);
  expect(dangling).toEqual([]);
});
