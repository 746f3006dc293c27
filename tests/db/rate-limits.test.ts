// Limits that stop scripts, not communes: a commune behind one carrier address books and looks up
// its bookings, while one phone, one code and one address guessing codes are stopped; the store of
// counts stays small however often one subject calls; the client address is the one the trusted
// proxy vouches for, never an entry the client wrote.
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { asView, refusal } from './support/booking-view.ts';
import { stack } from './support/clients.ts';
import { anonFrom, bookArgs, countCalls, createCampaign, createSession, person, phone, placeIn, sql } from './support/fixtures.ts';

async function maxHits(action: string, scope: string): Promise<number> {
  const [rule] = await sql<{ max_hits: number }>('select max_hits from private.rate_limit_rules where action = $1 and scope = $2', [action, scope]);
  return rule!.max_hits;
}

/** Runs `work` for each item, `parallel` at a time, answers in the items' order. */
async function inParallel<T, R>(items: T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) {
      const index = next++;
      answers[index] = await work(items[index]!);
    }
  }));
  return answers;
}

const forgedAddress = () => `${1 + randomInt(223)}.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;

describe('a commune behind one carrier address', () => {
  const carrier = anonFrom('127.0.160.1');
  const phones = [...new Set(Array.from({ length: 1100 }, () => phone()))].slice(0, 1000);
  const codes = new Map<string, string>();
  let shiftIds: number[];

  beforeAll(async () => {
    const { id: campaignId } = await createCampaign();
    ({ shiftIds } = await createSession({
      campaignId,
      place: await placeIn('474'),
      shifts: [{ start: '07:00', end: '12:00', capacity: 600 }, { start: '12:00', end: '17:00', capacity: 600 }],
    }));
  });

  test('1,000 phones each book and look up their own booking within ten minutes', { timeout: 300_000 }, async () => {
    const started = Date.now();
    const looked = await inParallel(phones, 4, async (contact) => {
      const booked = await carrier.rpc('book_places', bookArgs(shiftIds[contact.charCodeAt(9) % 2]!, [person()], { p_phone: contact }));
      if (booked.error) return booked.error.code;
      const code = asView(booked.data).bookings[0]!.code;
      codes.set(contact, code);
      const found = await carrier.rpc('lookup_booking', { p_code: code, p_phone: contact });
      return found.error?.code ?? asView(found.data).bookings[0]!.code === code;
    });
    expect(Date.now() - started).toBeLessThan(10 * 60_000);
    expect(looked.filter((answer) => answer !== true)).toEqual([]);
    // The successful lookups used up none of the address's failed proofs.
    expect(refusal((await carrier.rpc('lookup_booking', { p_code: codes.get(phones[0]!)!, p_phone: phone() })).error)?.code).toBe('not_found');
  });

  test('one phone behind it cannot be hammered: its 11th booking call in an hour is refused', async () => {
    const contact = phone();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await carrier.rpc('book_places', bookArgs(shiftIds[0]!, [person()], { p_phone: contact, p_consent: null }))).error?.code);
    expect(answers).toEqual([...Array<string>(10).fill('consent_required'), 'rate_limited']);
  });

  test('one code behind it cannot be hammered: its 21st lookup in an hour is refused, even with its phone', async () => {
    const contact = phones[1]!;
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await carrier.rpc('lookup_booking', { p_code: codes.get(contact)!, p_phone: contact })).error?.code ?? 'ok');
    // The first test looked it up once already.
    expect(answers).toEqual([...Array<string>(19).fill('ok'), 'rate_limited', 'rate_limited']);
  });

  test('an address guessing codes stops within 100 tries, whatever X-Forwarded-For it writes', async () => {
    const allowed = await maxHits('lookup_failed', 'ip');
    expect(allowed).toBeLessThan(100);
    // A forged entry of its own on every call, as a script would write to escape the limit.
    const guesser = anonFrom('127.0.160.2', () => ({ 'x-forwarded-for': forgedAddress() }));
    const answers = [];
    for (const contact of phones.slice(100, 200)) {
      answers.push(refusal((await guesser.rpc('lookup_booking', { p_code: codes.get(contact)!, p_phone: phone() })).error)?.code);
    }
    expect(answers).toEqual([...Array<string>(allowed).fill('not_found'), ...Array<string>(100 - allowed).fill('rate_limited')]);
    // Cancelling and moving need the same proof: refused from there too, before any lookup.
    const [contact] = phones.slice(200);
    expect(refusal((await guesser.rpc('cancel_booking', { p_code: codes.get(contact!)!, p_phone: contact! })).error)?.code).toBe('rate_limited');
    // The commune's own address is not affected.
    expect((await carrier.rpc('lookup_booking', { p_code: codes.get(contact!)!, p_phone: contact! })).error).toBeNull();
  });

  test('a failed cancel or move counts as a failed lookup, a successful one does not', async () => {
    const address = '127.0.160.3';
    const client = anonFrom(address);
    const failures = async () => (await sql<{ hits: number }>(
      `select coalesce(sum(hits), 0)::integer as hits from private.rate_limit_counters
       where action = 'lookup_failed' and scope = 'ip' and subject = extensions.digest($1, 'sha256')`, [address]))[0]!.hits;
    const [a, b] = phones.slice(300, 302) as [string, string];
    expect(refusal((await client.rpc('cancel_booking', { p_code: codes.get(a)!, p_phone: b })).error)?.code).toBe('not_found');
    expect(refusal((await client.rpc('move_booking', { p_code: codes.get(a)!, p_shift_id: shiftIds[1]!, p_phone: b })).error)?.code).toBe('not_found');
    expect(await failures()).toBe(2);
    expect((await client.rpc('move_booking', { p_code: codes.get(b)!, p_shift_id: shiftIds[1]!, p_phone: b })).error).toBeNull();
    expect((await client.rpc('cancel_booking', { p_code: codes.get(b)!, p_phone: b })).error).toBeNull();
    expect(await failures()).toBe(2);
  });
});

describe('the store of counts', () => {
  const hitsOf = async (subject: string) => (await sql<{ rows: number; hits: number }>(
    `select count(*)::integer as rows, coalesce(sum(hits), 0)::integer as hits from private.rate_limit_counters
     where action = 'book' and scope = 'ip' and subject = extensions.digest($1, 'sha256')`, [subject]))[0]!;

  test('stays a row or two however often one subject calls', async () => {
    const subject = '198.51.100.7';
    await countCalls('book', 'ip', subject, 5000);
    const { rows, hits } = await hitsOf(subject);
    expect(hits).toBe(5000);
    // One bucket, or two if the calls crossed a bucket's end.
    expect(rows).toBeLessThanOrEqual(2);
  });

  test('lets two open transactions count the same subject without waiting for each other', async () => {
    const subject = '198.51.100.8';
    const [first, second] = [new pg.Client({ connectionString: stack.dbUrl }), new pg.Client({ connectionString: stack.dbUrl })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('begin');
      await first.query(`select private.take_rate('book', 'ip', $1)`, [subject]);
      // The first still holds its row; the second would time out if it had to wait for it.
      await second.query('begin');
      await second.query(`set local lock_timeout = '1s'`);
      await second.query(`select private.take_rate('book', 'ip', $1)`, [subject]);
      await Promise.all([first.query('commit'), second.query('commit')]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await hitsOf(subject)).toEqual({ rows: 2, hits: 2 });
  });

  test('counts the buckets of one period before the current one, and the job deletes older ones', async () => {
    const subject = '198.51.100.9';
    const limit = await maxHits('book', 'ip');
    // One transaction: now(), and with it the current bucket, stays the same throughout.
    const client = new pg.Client({ connectionString: stack.dbUrl });
    await client.connect();
    try {
      await client.query('begin');
      const takeRate = async () => (await client.query<{ ok: boolean }>(`select private.take_rate('book', 'ip', $1) as ok`, [subject])).rows[0]!.ok;
      // A full count in a bucket `back` buckets before the current one, as take_rate would have left it.
      const place = (back: number) => client.query(
        `insert into private.rate_limit_counters (action, scope, subject, bucket, shard, hits, expires_at)
         select 'book', 'ip', extensions.digest($1, 'sha256'), b.bucket, 0, $2, b.bucket + r.period + r.period / 10
         from private.rate_limit_rules r,
              lateral (select date_bin(r.period / 10, now(), timestamptz 'epoch') - r.period / 10 * $3 as bucket) as b
         where r.action = 'book' and r.scope = 'ip'`,
        [subject, limit, back],
      );
      // The window holds the current bucket and the ten before it, a tenth of the period each.
      await place(11);
      expect(await takeRate()).toBe(true);
      await place(10);
      expect(await takeRate()).toBe(false);
      const [job] = await sql<{ command: string }>(`select command from private.scheduled_jobs where name = 'purge-rate-limit-counters'`);
      await client.query(job!.command);
      await client.query('commit');
    } finally {
      await client.end();
    }
    // The bucket eleven back is gone; the one the window still counts and the current one stay.
    expect(await hitsOf(subject)).toEqual({ rows: 2, hits: limit + 2 });
  });
});

describe('the client address', () => {
  async function clientIp(headers: Record<string, string> | null, trustedProxies = 1): Promise<string> {
    const client = new pg.Client({ connectionString: stack.dbUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('update private.client_address_source set trusted_proxies = $1', [trustedProxies]);
      await client.query(`select set_config('request.headers', $1, true)`, [headers ? JSON.stringify(headers) : '']);
      return (await client.query<{ ip: string }>('select private.client_ip() as ip')).rows[0]!.ip;
    } finally {
      await client.query('rollback');
      await client.end();
    }
  }

  test('is the entry the trusted proxies vouch for, counted from the right', async () => {
    const chain = { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' };
    expect(await clientIp(chain, 1)).toBe('10.0.0.2');
    expect(await clientIp(chain, 2)).toBe('203.0.113.5');
    expect(await clientIp({ 'x-forwarded-for': '203.0.113.5' }, 2)).toBe('203.0.113.5');
    expect(await clientIp({}, 1)).toBe('direct');
    expect(await clientIp(null, 1)).toBe('direct');
  });

  test('through the gateway is the socket address, not what the client wrote', async () => {
    const address = '127.0.160.4';
    const forged: string[] = [];
    const forger = anonFrom(address, () => {
      forged.push(forgedAddress());
      return { 'x-forwarded-for': forged.at(-1)! };
    });
    // Refused calls count too: a booking without consent is the cheapest call that counts.
    for (let i = 0; i < 3; i++) await forger.rpc('book_places', bookArgs(1, [person()], { p_consent: null }));
    const counted = await sql<{ subject: string; hits: number }>(
      `select s.subject, coalesce(sum(c.hits), 0)::integer as hits
       from unnest($1::text[]) as s (subject)
       left join private.rate_limit_counters c
         on c.action = 'book' and c.scope = 'ip' and c.subject = extensions.digest(s.subject, 'sha256')
       group by s.subject`,
      [[address, ...forged]],
    );
    expect(forged).toHaveLength(3);
    expect(Object.fromEntries(counted.map((row) => [row.subject, row.hits]))).toEqual(
      Object.fromEntries([[address, 3], ...forged.map((entry) => [entry, 0])]),
    );
  });
});
