// The message sender (supabase/functions/send-messages) run for real against the test stack and
// the providers' local ends (eSMS and Zalo ZNS over HTTP as their documentation defines them, an
// SMTP server): what arrives, how often, in which language, and what happens when a provider
// refuses or does not answer. The last tests start from real actions (a booking, an officer
// calling a session off); the others write outbox rows as the service role, to play what no
// action makes on demand (a message due later, voided, or to one phone many times).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SenderConfig } from '../../supabase/functions/send-messages/config.ts';
import { createSendMessagesHandler, sendDueMessages } from '../../supabase/functions/send-messages/handler.ts';
import { apiUrl } from '../../supabase/local/config.ts';
import { startLocalFunctions } from '../../supabase/local/functions.ts';
import { startGateway } from '../../supabase/local/gateway.ts';
import { localProviderKeys, startLocalProviders, type LocalProviders } from '../../supabase/local/message-providers.ts';
import type { OutboxPayload } from '../../src/domain/outbox.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { officer, serviceClient, stack } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, phone, placeIn, sql, type Place } from './support/fixtures.ts';
import { dbTestBasePort } from './support/global-setup.ts';

let providers: LocalProviders;

beforeAll(async () => {
  providers = await startLocalProviders(dbTestBasePort + 4, dbTestBasePort + 5);
});
afterAll(() => providers.stop());

function config(overrides: Partial<SenderConfig> = {}): SenderConfig {
  return {
    supabaseUrl: stack.apiUrl,
    serviceKey: stack.secretKey,
    siteUrl: 'https://cccd.example.gov.vn',
    phoneChannel: 'sms',
    esms: { url: providers.esmsUrl, apiKey: localProviderKeys.esmsApiKey, secretKey: localProviderKeys.esmsSecretKey, brandname: localProviderKeys.brandname, sandbox: false },
    zns: { url: providers.znsUrl, accessToken: localProviderKeys.znsToken, templateIds: { vi: '401001', en: '401002' } },
    smtp: { url: providers.smtpUrl, from: 'CCCD <no-reply@cccd.example.gov.vn>' },
    batchSize: 50,
    timeoutMs: 2000,
    maxAttempts: 6,
    phoneLimit: 5,
    ...overrides,
  };
}

const payload: OutboxPayload = {
  codes: ['7KQ2MX4RK'],
  booked: [{ code: '7KQ2MX4RK', queue_no: 12 }],
  place: { name: 'Nhà văn hoá phường Phú Hội', address: '12 Lê Lợi, Phú Hội, Huế' },
  date: '2026-12-12',
  starts: '07:30',
  ends: '11:00',
  link: '/vi/booking/#lookup=7KQ2MX4RK',
};

interface Row {
  phone: string;
  lang?: 'vi' | 'en';
  email?: string | null;
  event?: string;
  sendAfter?: string;
  voided?: boolean;
}

/** Writes outbox rows as the service role, as the sender's only other user does. */
async function outbox(...rows: Row[]): Promise<number[]> {
  const { data, error } = await serviceClient()
    .from('outbox_messages')
    .insert(
      rows.map((row, i) => ({
        event: row.event ?? 'booking_confirmed',
        lang: row.lang ?? 'vi',
        phone: row.phone,
        email: row.email ?? null,
        payload,
        dedupe_key: `test:${row.phone}:${i}:${Math.random()}`,
        send_after: row.sendAfter ?? new Date().toISOString(),
        voided_at: row.voided ? new Date().toISOString() : null,
      })),
    )
    .select('id');
  expect(error).toBeNull();
  return data!.map((row) => row.id);
}

const arrived = (to: string) => providers.inbox.filter((entry) => entry.to === to || entry.to === `84${to.slice(1)}`);

/** What the database recorded of a message's tries on a channel, in order. */
async function tries(messageId: number, channel = 'sms') {
  return sql<{ outcome: string | null }>(`select outcome from public.message_attempts where message_id = $1 and channel = $2 order by id`, [messageId, channel]);
}

/** Makes a waiting delivery due now, as time passing would. */
async function makeDue(messageId: number): Promise<void> {
  await sql(`update public.message_deliveries set next_attempt_at = now() where message_id = $1`, [messageId]);
}

describe('sending the outbox', () => {
  test('sends each message once, by SMS and by e-mail when there is an address, in the person’s language', async () => {
    const [vi, en] = [phone(), phone()];
    await outbox({ phone: vi, lang: 'vi', email: `${vi}@example.test` }, { phone: en, lang: 'en' });
    await sendDueMessages(config());
    await sendDueMessages(config());

    const [viSms, viMail, ...viMore] = arrived(vi).concat(arrived(`${vi}@example.test`));
    expect(viMore).toEqual([]);
    expect(viSms).toMatchObject({ channel: 'sms', to: vi });
    expect(viSms!.text).toMatch(/^CCCD: da dat cho\. 7KQ2MX4RK\. /);
    expect(viSms!.text).toMatch(/Ngung nhan: https:\/\/cccd\.example\.gov\.vn\/vi\/messages\/stop\/#t=[0-9a-f]{32}$/);
    expect(viMail).toMatchObject({ channel: 'email', subject: 'Đã đặt chỗ làm căn cước' });
    expect(viMail!.text).toContain('7KQ2-MX4RK (số 12)');
    expect(viMail!.text).toContain('Nhà văn hoá phường Phú Hội, 12 Lê Lợi, Phú Hội, Huế');

    const [enSms, ...enMore] = arrived(en);
    expect(enMore).toEqual([]);
    expect(enSms!.text).toMatch(/^ID card: booked\. 7KQ2MX4RK\. On 12 Dec 07:30-11:00\. /);
    expect(enSms!.text).toContain('/en/messages/stop/#t=');
  });

  test('three senders running at once: each message goes once', async () => {
    const phones = Array.from({ length: 8 }, () => phone());
    await outbox(...phones.map((to) => ({ phone: to })));
    const runs = await Promise.all([sendDueMessages(config()), sendDueMessages(config()), sendDueMessages(config())]);
    expect(phones.map((to) => arrived(to).length)).toEqual(phones.map(() => 1));
    expect(runs.reduce((sum, run) => sum + run.accepted, 0)).toBeGreaterThanOrEqual(8);
  });

  test('sends nothing before its time, nor a message voided (a booking cancelled before its reminder)', async () => {
    const [later, voided] = [phone(), phone()];
    const [laterId] = await outbox({ phone: later, sendAfter: new Date(Date.now() + 3_600_000).toISOString() }, { phone: voided, voided: true });
    await sendDueMessages(config());
    expect(arrived(later)).toEqual([]);
    expect(arrived(voided)).toEqual([]);

    await sql(`update public.outbox_messages set send_after = now() where id = $1`, [laterId]);
    await sendDueMessages(config());
    expect(arrived(later)).toHaveLength(1);
  });

  test('a message voided after a refused try is not tried again', async () => {
    const to = phone();
    const [id] = await outbox({ phone: to });
    providers.troubleFor(to, 'refuse');
    await sendDueMessages(config());
    await sql(`update public.outbox_messages set voided_at = now() where id = $1`, [id]);
    await makeDue(id!);
    await sendDueMessages(config());
    expect(arrived(to)).toEqual([]);
    expect(await tries(id!)).toEqual([{ outcome: 'refused' }]);
  });

  test('sends again, with the same RequestId and after a wait, what the provider refused', async () => {
    const to = phone();
    const [id] = await outbox({ phone: to });
    providers.troubleFor(to, 'refuse');
    expect(await sendDueMessages(config())).toMatchObject({ accepted: 0, notAccepted: 1 });
    expect(arrived(to)).toEqual([]);
    const [waiting] = await sql<{ state: string; wait: number }>(
      `select state, extract(epoch from next_attempt_at - now()) as wait from public.message_deliveries where message_id = $1`,
      [id],
    );
    expect(waiting!.state).toBe('pending');
    expect(Number(waiting!.wait)).toBeGreaterThan(50);

    await sendDueMessages(config());
    expect(arrived(to)).toEqual([]);
    await makeDue(id!);
    await sendDueMessages(config());
    expect(await tries(id!)).toEqual([{ outcome: 'refused' }, { outcome: 'accepted' }]);
    const [sms, ...more] = arrived(to);
    expect(more).toEqual([]);
    const [delivery] = await sql<{ idempotency_id: string; provider_id: string; state: string }>(
      `select idempotency_id, provider_id, state from public.message_deliveries where message_id = $1`,
      [id],
    );
    expect(sms!.requestId).toBe(delivery!.idempotency_id);
    expect(delivery).toMatchObject({ state: 'accepted', provider_id: expect.stringMatching(/.+/) as unknown });
  });

  test('after a timeout, the try again carries the same RequestId, and the person gets one SMS', async () => {
    const to = phone();
    const [id] = await outbox({ phone: to });
    // The provider takes the SMS but answers after the sender stopped waiting.
    providers.troubleFor(to, { acceptSlowly: 1500 });
    expect(await sendDueMessages(config({ timeoutMs: 500 }))).toMatchObject({ accepted: 0, notAccepted: 1 });
    await makeDue(id!);
    expect(await sendDueMessages(config({ timeoutMs: 500 }))).toMatchObject({ accepted: 1 });
    expect(await tries(id!)).toEqual([{ outcome: 'no_answer' }, { outcome: 'accepted' }]);
    expect(arrived(to)).toHaveLength(1);
  });

  test('gives up after the last try', async () => {
    const to = phone();
    const [id] = await outbox({ phone: to });
    providers.troubleFor(to, 'refuse', 'refuse');
    await sendDueMessages(config({ maxAttempts: 2 }));
    await makeDue(id!);
    await sendDueMessages(config({ maxAttempts: 2 }));
    await makeDue(id!);
    await sendDueMessages(config({ maxAttempts: 2 }));
    expect(await tries(id!)).toEqual([{ outcome: 'refused' }, { outcome: 'refused' }]);
    const [delivery] = await sql<{ state: string }>(`select state from public.message_deliveries where message_id = $1`, [id]);
    expect(delivery!.state).toBe('failed');
    expect(arrived(to)).toEqual([]);
  });

  test('sends one phone at most its limit in a day; the rest wait', async () => {
    const to = phone();
    const ids = await outbox({ phone: to }, { phone: to }, { phone: to });
    await sendDueMessages(config({ phoneLimit: 2 }));
    expect(arrived(to)).toHaveLength(2);
    const states = await sql<{ state: string; later: boolean }>(
      `select state, next_attempt_at > now() + interval '50 minutes' as later from public.message_deliveries where message_id = any($1) order by message_id`,
      [ids],
    );
    expect(states).toEqual([{ state: 'accepted', later: false }, { state: 'accepted', later: false }, { state: 'pending', later: true }]);
    await makeDue(ids[2]!);
    await sendDueMessages(config({ phoneLimit: 2 }));
    expect(arrived(to)).toHaveLength(2);
  });

  test('by Zalo ZNS when configured: the language’s template, its data, the phone as 84…, tracking_id', async () => {
    const to = phone();
    const [id] = await outbox({ phone: to, lang: 'en' });
    await sendDueMessages(config({ phoneChannel: 'zns', smtp: null }));
    const [zns, ...more] = arrived(to);
    expect(more).toEqual([]);
    expect(zns).toMatchObject({ channel: 'zns', to: `84${to.slice(1)}` });
    const [delivery] = await sql<{ idempotency_id: string }>(`select idempotency_id from public.message_deliveries where message_id = $1`, [id]);
    expect(zns!.requestId).toBe(delivery!.idempotency_id);
    expect(JSON.parse(zns!.text)).toMatchObject({
      title: 'Your ID card booking is confirmed',
      codes: '7KQ2-MX4RK (no. 12)',
      when: '12 Dec 2026 07:30-11:00',
      link: 'https://cccd.example.gov.vn/vi/booking/#lookup=7KQ2MX4RK',
    });
  });

  test('in npm run dev, a timer runs it through the gateway at /functions/v1, and the inbox page shows what went out', async () => {
    // A second gateway in front of the test stack, with the Edge Functions, as npm run dev starts it.
    const devLike = { ...stack.config, ports: { ...stack.config.ports, api: dbTestBasePort + 6 } };
    const functions = await startLocalFunctions(apiUrl(devLike), { anonKey: stack.publishableKey, serviceKey: stack.secretKey }, {
      siteUrl: 'http://localhost:4321', providerPort: dbTestBasePort + 7, smtpPort: dbTestBasePort + 8, everyMs: 200,
    });
    const gateway = await startGateway(devLike, functions);
    const stopTimer = functions.startTimer();
    try {
      const to = phone();
      await outbox({ phone: to, lang: 'en' });
      const inbox = async () => (await fetch(`${apiUrl(devLike)}/functions/v1/send-messages/inbox`)).text();
      await expect.poll(inbox, { timeout: 10_000 }).toContain(`<b>sms</b> to ${to}`);
      expect(await inbox()).toContain('ID card: booked. 7KQ2MX4RK.');
      const anon = await fetch(`${apiUrl(devLike)}/functions/v1/send-messages`, { method: 'POST', headers: { authorization: `Bearer ${stack.publishableKey}` } });
      expect(anon.status).toBe(401);
    } finally {
      await stopTimer();
      await gateway.stop();
      await functions.stop();
    }
  });

  test('runs only for a POST with the service role key', async () => {
    const handler = createSendMessagesHandler(config());
    const url = `${stack.apiUrl}/functions/v1/send-messages`;
    expect((await handler(new Request(url, { method: 'POST', headers: { authorization: `Bearer ${stack.publishableKey}` } }))).status).toBe(401);
    expect((await handler(new Request(url))).status).toBe(405);
    const run = await handler(new Request(url, { method: 'POST', headers: { authorization: `Bearer ${stack.secretKey}` } }));
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ claimed: expect.any(Number) as unknown });
  });

  test('no API role but the service role may claim or record', async () => {
    const { error } = await serviceClient().rpc('sender_claim_messages', { p_channels: [], p_limit: 0, p_lease_seconds: 60, p_phone_limit: 5 });
    expect(error).toBeNull();
    const grants = await sql<{ role: string; claim: boolean; record: boolean }>(
      `select r as role,
         has_function_privilege(r, 'public.sender_claim_messages(text[], integer, integer, integer)', 'execute') as claim,
         has_function_privilege(r, 'public.sender_record_attempt(bigint, text, text, text, text, integer)', 'execute') as record
       from unnest(array['anon', 'authenticated']) r`,
    );
    expect(grants).toEqual([
      { role: 'anon', claim: false, record: false },
      { role: 'authenticated', claim: false, record: false },
    ]);
  });
});

describe('from real actions', () => {
  const citizen = anonFrom('127.0.6.61');
  let campaignId: number;
  let place: Place;

  beforeAll(async () => {
    ({ id: campaignId } = await createCampaign());
    place = await placeIn('474');
  });

  async function book(shiftId: number, people: number, messages: { lang: 'vi' | 'en'; email: string | null } | null) {
    const to = phone();
    const args = bookArgs(shiftId, Array.from({ length: people }, () => person()), { p_phone: to, p_messages: messages });
    const view = answer(answerSchemas.book_places, await citizen.rpc('book_places', args));
    return { to, codes: view.bookings.map((b) => b.code) };
  }

  test('a family booked with agreement gets one SMS and one e-mail in English, once; one who did not agree gets nothing', async () => {
    const { shiftIds } = await createSession({ campaignId, place, inDays: 4 });
    const email = `${phone()}@example.test`;
    const family = await book(shiftIds[0]!, 2, { lang: 'en', email });
    const silent = await book(shiftIds[0]!, 1, null);
    await sendDueMessages(config());
    await sendDueMessages(config());

    const [sms, ...moreSms] = arrived(family.to);
    expect(moreSms).toEqual([]);
    expect(sms!.text).toMatch(new RegExp(`^ID card: booked\\. ${family.codes[0]}, ${family.codes[1]}\\. On `));
    const [mail, ...moreMail] = arrived(email);
    expect(moreMail).toEqual([]);
    expect(mail!.subject).toBe('Your ID card booking is confirmed');
    expect(mail!.text).toContain(`/en/booking/#lookup=${family.codes[0]}`);
    // The reminder is written too, for 17:00 the day before: not sent yet.
    expect(arrived(silent.to)).toEqual([]);
  });

  test('an officer calls a session off: each person who agreed hears it once, in their language', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 6 });
    const vi = await book(shiftIds[0]!, 1, { lang: 'vi', email: null });
    const en = await book(shiftIds[1]!, 1, { lang: 'en', email: null });
    const silent = await book(shiftIds[0]!, 1, null);
    await sendDueMessages(config());
    const staff = await officer('commune_officer', place.wardCode);
    // Three people booked: the officer confirmed the number the console showed.
    answer(answerSchemas.staff_cancel_session, await staff.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 3 }));
    await sendDueMessages(config());
    await sendDueMessages(config());

    expect(arrived(vi.to).map((entry) => entry.text.split('.')[0])).toEqual(['CCCD: da dat cho', 'CCCD: buoi bi huy']);
    expect(arrived(en.to).map((entry) => entry.text.split('.')[0])).toEqual(['ID card: booked', 'ID card: cancelled']);
    expect(arrived(vi.to)[1]!.text).toContain(vi.codes[0]);
    expect(arrived(silent.to)).toEqual([]);
  });

  test('the stop link in an SMS stops the messages that would follow it', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 8 });
    const { to } = await book(shiftIds[0]!, 1, { lang: 'vi', email: null });
    await sendDueMessages(config());
    const [confirmation] = arrived(to);
    const token = /\/vi\/messages\/stop\/#t=([0-9a-f]{32})$/.exec(confirmation!.text)?.[1];
    answer(answerSchemas.stop_messages, await citizen.rpc('stop_messages', { p_token: token! }));
    const staff = await officer('commune_officer', place.wardCode);
    answer(answerSchemas.staff_cancel_session, await staff.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mưa lớn', p_booked_count: 1 }));
    await sendDueMessages(config());
    expect(arrived(to)).toEqual([confirmation]);
  });
});
