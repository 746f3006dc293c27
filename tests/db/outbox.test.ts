// The outbox's writers: each event a person agreed to hear about writes its message in the event's
// own transaction, once per recipient, in the person's language; nobody who did not agree, or who
// stopped messages, gets a row.
import { describe, expect, test, beforeAll } from 'vitest';
import { parse } from 'zod/mini';
import { homeVisitRequestSchema, toRequestPayload, type HomeVisitRequestInput } from '../../src/domain/home-visit.ts';
import { outboxPayloadSchema, type OutboxPayload } from '../../src/domain/outbox.ts';
import type { Json } from '../../src/lib/database.types.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { asView } from './support/booking-view.ts';
import { officer, serviceClient } from './support/clients.ts';
import {
  anonFrom, bookArgs, consentInForce, createCampaign, createSession, idempotencyKey, person, phone, placeIn, sql, type Place,
} from './support/fixtures.ts';
import { homeVisitForm } from './support/home-visit-form.ts';

const citizen = anonFrom('127.0.5.51');
let campaignId: number;
let place: Place;

interface Row {
  event: string;
  lang: string;
  phone: string;
  email: string | null;
  payload: OutboxPayload;
  send_after: Date;
  voided_at: Date | null;
  stop_token: string;
}

/** The messages written to a phone, oldest first, each payload read with the sender's schema. */
async function messagesTo(to: string): Promise<Row[]> {
  const rows = await sql<Row>(
    'select event, lang, phone, email, payload, send_after, voided_at, stop_token from public.outbox_messages where phone = $1 order by id',
    [to],
  );
  return rows.map((row) => ({ ...row, payload: parse(outboxPayloadSchema, row.payload) }));
}

/** A session's day, or the day `plus` days from it (YYYY-MM-DD). */
async function sessionDay(sessionId: number, plus = 0): Promise<string> {
  const [row] = await sql<{ date: string }>(
    "select to_char(session_date + $2::integer, 'YYYY-MM-DD') as date from public.intake_sessions where id = $1", [sessionId, plus]);
  return row!.date;
}

/** When a session's reminder is due: 17:00 Viet Nam time the day before. */
async function reminderTime(sessionId: number): Promise<Date> {
  const [row] = await sql<{ due: Date }>(
    "select ((session_date - 1) + time '17:00') at time zone 'Asia/Ho_Chi_Minh' as due from public.intake_sessions where id = $1", [sessionId]);
  return row!.due;
}

const live = (rows: Row[]) => rows.filter((row) => row.voided_at === null).map((row) => row.event);

async function book(shiftId: number, options: { people?: number; to?: string; messages?: unknown } = {}) {
  const to = options.to ?? phone();
  const people = Array.from({ length: options.people ?? 1 }, () => person());
  const view = asView(answer(answerSchemas.book_places, await citizen.rpc('book_places', bookArgs(shiftId, people, { p_phone: to, p_messages: options.messages ?? null }))));
  return { to, codes: view.bookings.map((b) => b.code) };
}

beforeAll(async () => {
  ({ id: campaignId } = await createCampaign());
  place = await placeIn('474');
});

describe('a booking', () => {
  test('writes one confirmation listing the family\'s codes, and the reminder for 17:00 the day before, in the page\'s language', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 4 });
    const { to, codes } = await book(shiftIds[0]!, { people: 3, messages: { lang: 'en', email: 'ba.lan@example.vn' } });
    const rows = await messagesTo(to);
    expect(rows.map((row) => [row.event, row.lang, row.email])).toEqual([
      ['booking_confirmed', 'en', 'ba.lan@example.vn'],
      ['booking_reminder', 'en', 'ba.lan@example.vn'],
    ]);
    const date = await sessionDay(sessionId);
    for (const row of rows) {
      expect(row.payload.codes).toEqual(codes);
      expect(row.payload.booked!.map((b) => b.code)).toEqual(codes);
      expect(row.payload).toMatchObject({ date, starts: '07:00', ends: '12:00', link: `/en/booking/#lookup=${codes[0]}` });
      expect(row.payload.place!.address).toBe('Số 1 đường Thử');
    }
    expect(rows[1]!.send_after).toEqual(await reminderTime(sessionId));
    expect(rows[0]!.send_after.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows[0]!.stop_token).not.toBe(rows[1]!.stop_token);
  });

  test('writes nothing for a person who did not agree', async () => {
    const { shiftIds } = await createSession({ campaignId, place });
    const { to } = await book(shiftIds[0]!);
    expect(await messagesTo(to)).toEqual([]);
  });

  test('refuses an agreement that is not one', async () => {
    const { shiftIds } = await createSession({ campaignId, place });
    for (const [messages, field] of [[{ lang: 'fr' }, 'messages'], [{ lang: 'vi', sms: true }, 'messages'], [{ lang: 'vi', email: 'không phải thư' }, 'messages_email']] as const) {
      const { error } = await citizen.rpc('book_places', bookArgs(shiftIds[0]!, [person()], { p_messages: messages }));
      expect(error?.code).toBe('invalid_argument');
      expect(JSON.parse(error!.details)).toEqual({ field });
    }
  });

  test('made after 17:00 the day before has passed writes no reminder: the confirmation says it all', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 1, shifts: [{ start: '20:00', end: '22:00', capacity: 5 }] });
    const { to } = await book(shiftIds[0]!, { messages: { lang: 'vi' } });
    const ahead = Date.now() < (await reminderTime(sessionId)).getTime();
    expect(live(await messagesTo(to))).toEqual(ahead ? ['booking_confirmed', 'booking_reminder'] : ['booking_confirmed']);
  });

  test('cancelled: its reminder is voided; moved: voided and a new one for the new shift', async () => {
    const { shiftIds } = await createSession({ campaignId, place, inDays: 5 });
    const moved = await book(shiftIds[0]!, { people: 2, messages: { lang: 'vi' } });
    const moveArgs = { p_code: moved.codes[0]!, p_phone: moved.to, p_shift_id: shiftIds[1]! };
    answer(answerSchemas.move_booking, await citizen.rpc('move_booking', moveArgs));
    let rows = await messagesTo(moved.to);
    expect(rows.map((row) => [row.event, row.voided_at === null, row.payload.starts])).toEqual([
      ['booking_confirmed', true, '07:00'],
      ['booking_reminder', false, '07:00'],
      ['booking_reminder', true, '12:00'],
    ]);
    // The same move again (an answer lost on the way) changes nothing.
    answer(answerSchemas.move_booking, await citizen.rpc('move_booking', moveArgs));
    expect(await messagesTo(moved.to)).toEqual(rows);

    // One of the two cancels: the reminder names the other only.
    answer(answerSchemas.cancel_booking, await citizen.rpc('cancel_booking', { p_code: moved.codes[0]!, p_phone: moved.to, p_codes: [moved.codes[0]!] }));
    rows = await messagesTo(moved.to);
    expect(rows.filter((row) => row.voided_at === null && row.event === 'booking_reminder').map((row) => row.payload.codes)).toEqual([[moved.codes[1]]]);
    answer(answerSchemas.cancel_booking, await citizen.rpc('cancel_booking', { p_code: moved.codes[1]!, p_phone: moved.to }));
    expect(live(await messagesTo(moved.to))).toEqual(['booking_confirmed']);
  });
});

describe('a session', () => {
  test('called off by an officer: one message to each phone that agreed, with the reason, and no reminder', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 6 });
    const family = await book(shiftIds[0]!, { people: 2, messages: { lang: 'vi' } });
    const again = await book(shiftIds[2]!, { to: family.to, messages: { lang: 'en' } });
    const silent = await book(shiftIds[1]!);
    const staff = await officer('commune_officer', place.wardCode);
    // Four people booked: the officer confirmed that number.
    answer(answerSchemas.staff_cancel_session, await staff.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 4 }));

    const rows = await messagesTo(family.to);
    const cancelled = rows.filter((row) => row.event === 'session_cancelled');
    expect(cancelled).toHaveLength(1);
    // The language of the latest agreement; every code the phone holds in the session.
    expect(cancelled[0]!.lang).toBe('en');
    expect(cancelled[0]!.payload.codes).toEqual([...family.codes, ...again.codes]);
    expect(cancelled[0]!.payload.reason).toBe('Mất điện cả phường');
    expect(cancelled[0]!.payload.link).toBe(`/en/booking/#lookup=${family.codes[0]}`);
    expect(rows.filter((row) => row.event === 'booking_reminder').every((row) => row.voided_at !== null)).toBe(true);
    expect(await messagesTo(silent.to)).toEqual([]);

    // Calling it off again tells nobody twice.
    await staff.rpc('staff_cancel_session', { p_session_id: sessionId, p_reason: 'Mất điện cả phường', p_booked_count: 4 });
    expect((await messagesTo(family.to)).filter((row) => row.event === 'session_cancelled')).toHaveLength(1);
  });

  test('moved to another day: the old and new day, and the reminder moves with it', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 7 });
    const { to } = await book(shiftIds[1]!, { messages: { lang: 'vi' } });
    const staff = await officer('commune_officer', place.wardCode);
    answer(answerSchemas.staff_move_session, await staff.rpc('staff_move_session', { p_session_id: sessionId, p_date: await sessionDay(sessionId, 2), p_booked_count: 1 }));
    const rows = await messagesTo(to);
    const moved = rows.find((row) => row.event === 'session_moved');
    const [before, after] = [await sessionDay(sessionId, -2), await sessionDay(sessionId)];
    expect(moved?.payload).toMatchObject({ date: before, new_date: after, starts: '12:00', new_starts: '12:00', new_ends: '17:00' });
    const reminders = rows.filter((row) => row.event === 'booking_reminder');
    expect(reminders.map((row) => row.voided_at === null)).toEqual([false, true]);
    expect(reminders[1]!.payload.date).toBe(after);
    expect(reminders[1]!.send_after).toEqual(await reminderTime(sessionId));
  });

  test('taken off the schedule with people booked: they are told, and not reminded', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 8 });
    const { to } = await book(shiftIds[0]!, { messages: { lang: 'vi' } });
    const staff = await officer('commune_officer', place.wardCode);
    answer(answerSchemas.staff_set_session_published, await staff.rpc('staff_set_session_published', { p_session_id: sessionId, p_published: false, p_booked_count: 1 }));
    expect(live(await messagesTo(to))).toEqual(['booking_confirmed', 'session_unpublished']);
  });
});

describe('the stop link', () => {
  test('stops what is not sent yet and every later message the person agreed to before; a new agreement counts', async () => {
    const { shiftIds } = await createSession({ campaignId, place, inDays: 9 });
    const first = await book(shiftIds[0]!, { messages: { lang: 'vi' } });
    const [confirmation] = await messagesTo(first.to);
    const stopped = answer(answerSchemas.stop_messages, await citizen.rpc('stop_messages', { p_token: confirmation!.stop_token }));
    expect(stopped.phone_masked).toBe(`${first.to.slice(0, 3)}****${first.to.slice(-3)}`);
    expect(live(await messagesTo(first.to))).toEqual([]);

    // The session moves: nothing for a phone that stopped.
    await sql(`update public.intake_sessions set published = false where id = (select session_id from public.shifts where id = $1)`, [shiftIds[0]]);
    expect((await messagesTo(first.to)).map((row) => row.event)).toEqual(['booking_confirmed', 'booking_reminder']);

    // Booking again with the box ticked is asking anew.
    const other = await createSession({ campaignId, place, inDays: 9 });
    const second = await book(other.shiftIds[0]!, { to: first.to, messages: { lang: 'vi' } });
    expect((await messagesTo(first.to)).filter((row) => row.voided_at === null).map((row) => [row.event, row.payload.codes])).toEqual([
      ['booking_confirmed', second.codes],
      ['booking_reminder', second.codes],
    ]);
  });

  test('answers not_found for a token it does not know', async () => {
    for (const token of ['0'.repeat(32), 'không phải', '']) {
      const { error } = await citizen.rpc('stop_messages', { p_token: token });
      expect(error?.code).toBe('not_found');
    }
  });
});

describe('a sign-up through an organisation\'s link', () => {
  test('asks the same agreement: a confirmation and a reminder, though the session is off the public schedule', async () => {
    const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays: 5, published: false, kind: 'school' });
    const staff = await officer('commune_officer', place.wardCode);
    const link = answer(answerSchemas.staff_create_signup_link, await staff.rpc('staff_create_signup_link', {
      p_session_id: sessionId, p_org_name: 'Trường THPT Quốc Học', p_org_kind: 'school', p_places: 5,
      p_closes_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    }));
    const to = phone();
    const args = (messages: unknown) => ({
      p_token: link.share_token, p_shift_id: shiftIds[0]!, p_phone: to, p_org_group: '12A1', p_guardian_consent: true,
      p_person: { ...person(), birth_date: '2000-01-02' } as unknown as Json, p_consent: consentInForce,
      p_idempotency_key: idempotencyKey(), p_messages: messages as Json,
    });
    const joined = answer(answerSchemas.join_signup_link, await citizen.rpc('join_signup_link', args({ lang: 'en', email: null })));
    const rows = await messagesTo(to);
    expect(rows.map((row) => [row.event, row.lang, row.payload.codes])).toEqual([
      ['booking_confirmed', 'en', [joined.bookings[0]!.code]],
      ['booking_reminder', 'en', [joined.bookings[0]!.code]],
    ]);
    const other = { ...args(null), p_phone: phone() };
    answer(answerSchemas.join_signup_link, await citizen.rpc('join_signup_link', other));
    expect(await messagesTo(other.p_phone)).toEqual([]);
  });
});

describe('a sign-up link\'s coordinator', () => {
  /** A link for the session, with a coordinator who agreed to messages in `lang`, or none. */
  async function linkFor(sessionId: number, coordinator: { phone: string; lang: 'vi' | 'en' } | null) {
    const staff = await officer('commune_officer', place.wardCode);
    answer(answerSchemas.staff_create_signup_link, await staff.rpc('staff_create_signup_link', {
      p_session_id: sessionId, p_org_name: 'Công ty Dệt may Huế', p_org_kind: 'enterprise', p_places: 30,
      p_closes_at: new Date(Date.now() + 86_400_000).toISOString(), p_coordinator: coordinator,
    }));
    return staff;
  }

  async function siteOf(sessionId: number) {
    const [site] = await sql<{ name: string; address: string }>(
      'select site.name, site.address from public.intake_sessions s join public.intake_sites site on site.id = s.site_id where s.id = $1', [sessionId]);
    return site!;
  }

  test('who agreed is told, in their language, that the session was called off or moved; one who did not is not', async () => {
    // Published: it takes public bookings as well as the links' sign-ups.
    const called = await createSession({ campaignId, place, inDays: 8, kind: 'enterprise' });
    const agreed = phone();
    const staff = await linkFor(called.sessionId, { phone: agreed, lang: 'en' });
    await linkFor(called.sessionId, null);
    const joined = await book(called.shiftIds[0]!);
    answer(answerSchemas.staff_cancel_session, await staff.rpc('staff_cancel_session', { p_session_id: called.sessionId, p_reason: 'Bão', p_booked_count: 1 }));
    const date = await sessionDay(called.sessionId);
    expect((await messagesTo(agreed)).map((row) => [row.event, row.lang, row.email, row.payload])).toEqual([
      ['signup_session_changed', 'en', null, { codes: [], place: await siteOf(called.sessionId), date, reason: 'Bão', link: '/en/schedules/' }],
    ]);
    expect(await sql(
      "select count(*)::integer as count from public.outbox_messages where event = 'signup_session_changed' and dedupe_key like $1",
      [`signup_session_changed:${called.sessionId}:%`])).toEqual([{ count: 1 }]);
    expect(await messagesTo(joined.to)).toEqual([]);

    const moving = await createSession({ campaignId, place, inDays: 9, published: false, kind: 'enterprise' });
    const coordinator = phone();
    await linkFor(moving.sessionId, { phone: coordinator, lang: 'vi' });
    answer(answerSchemas.staff_move_session, await staff.rpc('staff_move_session', { p_session_id: moving.sessionId, p_date: await sessionDay(moving.sessionId, 3), p_booked_count: 0 }));
    const rows = await messagesTo(coordinator);
    expect(rows.map((row) => [row.event, row.lang])).toEqual([['signup_session_changed', 'vi']]);
    expect(rows[0]!.payload).toMatchObject({ codes: [], date: await sessionDay(moving.sessionId, -3), new_date: await sessionDay(moving.sessionId), link: '/vi/schedules/' });
  });

  test('is forgotten by the daily purge once the session is past the retention period', async () => {
    const { sessionId } = await createSession({ campaignId, place, inDays: 2, published: false, kind: 'school' });
    await linkFor(sessionId, { phone: phone(), lang: 'vi' });
    await sql("update public.intake_sessions set session_date = current_date - 40 where id = $1", [sessionId]);
    const report = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
    expect(report.signup_links).toBeGreaterThanOrEqual(1);
    expect(await sql('select contact_phone, messages_lang from public.signup_links where session_id = $1', [sessionId])).toEqual([
      { contact_phone: null, messages_lang: null },
    ]);
  });
});

describe('a home visit', () => {
  test('scheduled, rescheduled and closed: a message each to the requester who agreed, none to one who did not', async () => {
    const { slug } = await createCampaign('46');
    const staff = await officer('commune_officer', '19786');
    const request = async (messages: HomeVisitRequestInput['messages']) => {
      const input = homeVisitForm(slug, { messages });
      const p_request = toRequestPayload(homeVisitRequestSchema.parse(input)) as unknown as Json;
      const view = answer(answerSchemas.request_home_visit, await anonFrom('127.0.5.52').rpc('request_home_visit', { p_request, p_idempotency_key: idempotencyKey() }));
      const [row] = await sql<{ id: string }>('select id from public.home_visit_requests where code = $1', [view.code]);
      return { id: Number(row!.id), code: view.code, to: input.requester_phone };
    };
    const agreed = await request({ lang: 'vi', email: ' con.gai@example.vn' });
    const silent = await request(null);
    const day = await sessionDay((await createSession({ campaignId, place, inDays: 2 })).sessionId);
    for (const visit of [agreed, silent]) {
      answer(answerSchemas.staff_schedule_home_visit, await staff.rpc('staff_schedule_home_visit', { p_id: visit.id, p_date: day, p_from: '08:00', p_to: '09:00', p_team_contact: 'Tổ 2, 0905 000 111' }));
      answer(answerSchemas.staff_schedule_home_visit, await staff.rpc('staff_schedule_home_visit', { p_id: visit.id, p_date: day, p_from: '14:00', p_to: '15:00', p_team_contact: 'Tổ 2, 0905 000 111' }));
      answer(answerSchemas.staff_close_home_visit, await staff.rpc('staff_close_home_visit', { p_id: visit.id, p_status: 'could_not', p_note: 'Gia đình đi vắng' }));
    }
    const rows = await messagesTo(agreed.to);
    expect(rows.map((row) => [row.event, row.email, row.payload])).toEqual([
      ['home_visit_scheduled', 'con.gai@example.vn', { codes: [agreed.code], date: day, starts: '08:00', ends: '09:00', contact: 'Tổ 2, 0905 000 111', link: '/vi/home-visit/' }],
      ['home_visit_rescheduled', 'con.gai@example.vn', { codes: [agreed.code], date: day, starts: '14:00', ends: '15:00', contact: 'Tổ 2, 0905 000 111', link: '/vi/home-visit/' }],
      ['home_visit_closed', 'con.gai@example.vn', { codes: [agreed.code], date: day, starts: '14:00', ends: '15:00', contact: 'Tổ 2, 0905 000 111', outcome: 'could_not', reason: 'Gia đình đi vắng', link: '/vi/home-visit/' }],
    ]);
    expect(await messagesTo(silent.to)).toEqual([]);
  });
});

describe('the daily purge', () => {
  test('deletes the messages due before the retention period, and keeps the others', async () => {
    const { shiftIds } = await createSession({ campaignId, place, inDays: 3 });
    const old = await book(shiftIds[0]!, { messages: { lang: 'vi' } });
    const recent = await book(shiftIds[0]!, { messages: { lang: 'vi' } });
    await sql("update public.outbox_messages set send_after = now() - interval '40 days' where phone = $1", [old.to]);
    const report = answer(answerSchemas.purge_personal_data, await serviceClient().rpc('purge_personal_data', { p_retention_days: 30 }));
    expect(report.messages).toBeGreaterThanOrEqual(2);
    expect(await messagesTo(old.to)).toEqual([]);
    expect(live(await messagesTo(recent.to))).toEqual(['booking_confirmed', 'booking_reminder']);
  });
});
