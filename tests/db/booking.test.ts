// Booking places: every rule of book_places, with the code a caller gets for each refusal.
import { describe, expect, test, beforeAll } from 'vitest';
import { asView, refusal } from './support/booking-view.ts';
import {
  anonFrom, bookArgs, countCalls, createCampaign, createSession, person, phone, placeIn, shiftCounts, sql,
} from './support/fixtures.ts';

const citizen = anonFrom('127.0.1.1');
let campaignId: number;
let shifts: number[];

beforeAll(async () => {
  ({ id: campaignId } = await createCampaign());
  ({ shiftIds: shifts } = await createSession({ campaignId, place: await placeIn('474') }));
});

describe('booking a shift', () => {
  test('places two people with consecutive queue numbers and returns codes and a manage token', async () => {
    const before = await shiftCounts(shifts[0]!);
    const people = [person(), person()];
    const { data, error, status } = await citizen.rpc('book_places', bookArgs(shifts[0]!, people));
    expect(error).toBeNull();
    expect(status).toBe(200);
    const view = asView(data);
    expect(view.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view.bookings.map((b) => b.full_name)).toEqual(people.map((p) => p.full_name));
    expect(view.bookings.map((b) => b.queue_no)).toEqual([before.last_queue_no + 1, before.last_queue_no + 2]);
    for (const booking of view.bookings) {
      expect(booking.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{9}$/);
      expect(booking.status).toBe('confirmed');
      expect(booking.shift.id).toBe(shifts[0]);
    }
    expect(await shiftCounts(shifts[0]!)).toEqual({ booked: before.booked + 2, last_queue_no: before.last_queue_no + 2 });
  });

  test('says in each session whether its campaign is a demonstration, so the ticket can', async () => {
    const flags = (data: unknown) => asView(data).bookings.map((b) => b.session.demonstration);
    const real = await citizen.rpc('book_places', bookArgs(shifts[0]!, [person()]));
    expect(flags(real.data)).toEqual([false]);
    await sql('update public.campaigns set demonstration = true where id = $1', [campaignId]);
    try {
      const madeUp = await citizen.rpc('book_places', bookArgs(shifts[0]!, [person(), person()]));
      expect(flags(madeUp.data)).toEqual([true, true]);
    } finally {
      await sql('update public.campaigns set demonstration = false where id = $1', [campaignId]);
    }
  });

  test('stores only hashes of the manage token and the idempotency key', async () => {
    const args = bookArgs(shifts[0]!, [person()]);
    const { data } = await citizen.rpc('book_places', args);
    const token = asView(data).token!;
    const rows = await sql(`select g.* from public.booking_groups g join public.bookings b on b.group_id = g.id where b.code = $1`, [asView(data).bookings[0]!.code]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(args.p_idempotency_key);
  });

  test('accepts a valid 12-digit personal ID number and an old 9-digit card number', async () => {
    const people = [
      person({ birth_date: '1990-05-17', id_number: '046090001234', application_kind: 'conversion' }),
      person({ birth_date: '2004-01-02', id_number: '046204001234', application_kind: 'first_issue' }),
      person({ id_number: '191234567', application_kind: 'conversion' }),
    ];
    const { error } = await citizen.rpc('book_places', bookArgs(shifts[1]!, people));
    expect(error).toBeNull();
  });
});

describe('a booking is refused', () => {
  const refused = async (args: ReturnType<typeof bookArgs>) => {
    const { data, error, status } = await citizen.rpc('book_places', args);
    expect(data).toBeNull();
    return { status, ...refusal(error) };
  };

  test('when the group is larger than the places left, saying how many are left', async () => {
    const { shiftIds } = await createSession({ campaignId, place: await placeIn('474'), shifts: [{ start: '07:00', end: '12:00', capacity: 2 }] });
    expect(await refused(bookArgs(shiftIds[0]!, [person(), person(), person()]))).toEqual({ status: 409, code: 'shift_full', details: { places_left: 2 } });
    expect(await shiftCounts(shiftIds[0]!)).toEqual({ booked: 0, last_queue_no: 0 });
  });

  test('when the shift is past, unpublished or unknown', async () => {
    const past = await createSession({ campaignId, place: await placeIn('474'), inDays: -1 });
    expect(await refused(bookArgs(past.shiftIds[0]!, [person()]))).toMatchObject({ status: 409, code: 'shift_past' });
    const draft = await createSession({ campaignId, place: await placeIn('474'), published: false });
    expect(await refused(bookArgs(draft.shiftIds[0]!, [person()]))).toMatchObject({ status: 409, code: 'shift_unavailable' });
    expect(await refused(bookArgs(999_999_999, [person()]))).toMatchObject({ status: 404, code: 'shift_not_found' });
  });

  test('from an hour before the shift ends: the time anyone reads as the shift\'s booking_closes_at', async () => {
    const { shiftIds: [closed, open] } = await createSession({ campaignId, place: await placeIn('474') });
    // Shifts ending in 59 and in 61 minutes.
    await sql("update public.shifts set starts_at = now() - interval '3 hours', ends_at = now() + interval '59 minutes' where id = $1", [closed]);
    await sql("update public.shifts set starts_at = now() - interval '2 hours', ends_at = now() + interval '61 minutes' where id = $1", [open]);
    const { data } = await citizen.from('shifts').select('ends_at, booking_closes_at').in('id', [closed!, open!]);
    expect(data!.map((shift) => Date.parse(shift.ends_at) - Date.parse(shift.booking_closes_at))).toEqual([3_600_000, 3_600_000]);
    expect(await refused(bookArgs(closed!, [person()]))).toMatchObject({ status: 409, code: 'shift_past' });
    expect((await citizen.rpc('book_places', bookArgs(open!, [person()]))).error).toBeNull();
  });

  test('when the session was cancelled', async () => {
    const session = await createSession({ campaignId, place: await placeIn('474') });
    await sql(`update public.intake_sessions set cancelled_at = now(), cancel_reason = 'Mất điện' where id = $1`, [session.sessionId]);
    expect(await refused(bookArgs(session.shiftIds[0]!, [person()]))).toMatchObject({ code: 'shift_unavailable' });
  });

  test('when the phone is not a Vietnamese mobile number', async () => {
    for (const bad of ['0241234567', '090123456', '09012345678', 'không có', '']) {
      expect(await refused(bookArgs(shifts[0]!, [person()], { p_phone: bad }))).toMatchObject({ status: 400, code: 'invalid_phone' });
    }
  });

  test('when an ID number is malformed or does not fit the date of birth, naming the person', async () => {
    const cases = [
      person({ birth_date: '1990-05-17', id_number: '000090001234' }), // no province 000
      person({ birth_date: '1990-05-17', id_number: '046290001234' }), // century digit says 2000s
      person({ birth_date: '1990-05-17', id_number: '046091001234' }), // year digits say 1991
      person({ id_number: '12345' }),
    ];
    for (const bad of cases) {
      expect(await refused(bookArgs(shifts[0]!, [person(), bad]))).toEqual({ status: 400, code: 'invalid_id_number', details: { person: 1 } });
    }
  });

  test('when a date of birth or a name is not valid', async () => {
    expect(await refused(bookArgs(shifts[0]!, [person({ birth_date: '1990-02-30' })]))).toMatchObject({ code: 'invalid_birth_date', details: { person: 0 } });
    expect(await refused(bookArgs(shifts[0]!, [person({ birth_date: '2999-01-01' })]))).toMatchObject({ code: 'invalid_birth_date' });
    expect(await refused(bookArgs(shifts[0]!, [person({ full_name: 'A' })]))).toMatchObject({ code: 'invalid_name' });
    expect(await refused(bookArgs(shifts[0]!, [person({ full_name: 'Robert\'); drop table--' })]))).toMatchObject({ code: 'invalid_name' });
  });

  test('when a person is under 14 on the session date, and not on their 14th birthday', async () => {
    const [row] = (await sql<{ session_date: string }>(
      `select to_char(session_date, 'YYYY-MM-DD') as session_date from public.intake_sessions sess join public.shifts s on s.session_id = sess.id where s.id = $1`, [shifts[2]!]));
    const [y, m, d] = row!.session_date.split('-').map(Number) as [number, number, number];
    const birthday = (years: number, dayShift: number) => new Date(Date.UTC(y - years, m - 1, d + dayShift)).toISOString().slice(0, 10);
    expect(await refused(bookArgs(shifts[2]!, [person({ birth_date: birthday(14, 1), application_kind: 'first_issue' })]))).toEqual({ status: 400, code: 'too_young', details: { person: 0, min_age: 14 } });
    const { error } = await citizen.rpc('book_places', bookArgs(shifts[2]!, [person({ birth_date: birthday(14, 0), application_kind: 'first_issue' })]));
    expect(error).toBeNull();
  });

  test('when the same person already holds an active booking in the campaign', async () => {
    const someone = person({ birth_date: '1985-03-09', id_number: '046085007777' });
    expect((await citizen.rpc('book_places', bookArgs(shifts[0]!, [someone]))).error).toBeNull();
    // by ID number, under another name
    expect(await refused(bookArgs(shifts[1]!, [person(), { ...someone, full_name: 'Lê Văn Khác' }]))).toEqual({ status: 409, code: 'already_booked', details: { person: 1 } });
    // by name and date of birth, typed with other spacing and case, without the ID number
    expect(await refused(bookArgs(shifts[1]!, [{ ...someone, id_number: null, full_name: `  ${someone.full_name.toUpperCase()} ` }]))).toMatchObject({ code: 'already_booked' });
  });

  test('when the same person is listed twice', async () => {
    const someone = person();
    expect(await refused(bookArgs(shifts[0]!, [someone, { ...someone }]))).toEqual({ status: 400, code: 'duplicate_person', details: { person: 1 } });
  });

  test('when one phone would hold more active bookings than the campaign allows', async () => {
    const contact = phone();
    const group = () => bookArgs(shifts[1]!, [person(), person(), person(), person(), person()], { p_phone: contact });
    expect((await anonFrom('127.0.1.2').rpc('book_places', group())).error).toBeNull();
    expect((await anonFrom('127.0.1.2').rpc('book_places', group())).error).toBeNull();
    const { error } = await anonFrom('127.0.1.2').rpc('book_places', bookArgs(shifts[1]!, [person()], { p_phone: contact }));
    expect(refusal(error)).toEqual({ code: 'phone_limit', details: { max: 10 } });
  });

  test('without consent, without people, with more than five, or with a weak idempotency key', async () => {
    expect(await refused(bookArgs(shifts[0]!, [person()], { p_consent: null }))).toMatchObject({ code: 'consent_required' });
    expect(await refused(bookArgs(shifts[0]!, []))).toMatchObject({ code: 'invalid_people' });
    expect(await refused(bookArgs(shifts[0]!, Array.from({ length: 6 }, () => person())))).toMatchObject({ code: 'invalid_people' });
    expect(await refused(bookArgs(shifts[0]!, [person({ application_kind: 'other' as never })]))).toMatchObject({ code: 'invalid_application_kind' });
    expect(await refused(bookArgs(shifts[0]!, [person()], { p_idempotency_key: 'short' }))).toMatchObject({ code: 'invalid_idempotency_key' });
  });
});

describe('replaying a booking call', () => {
  test('with the same idempotency key returns the first result and books nobody twice', async () => {
    const args = bookArgs(shifts[0]!, [person(), person()]);
    const first = await citizen.rpc('book_places', args);
    const before = await shiftCounts(shifts[0]!);
    const again = await citizen.rpc('book_places', args);
    expect(again.error).toBeNull();
    expect(again.data).toEqual(first.data);
    expect(await shiftCounts(shifts[0]!)).toEqual(before);
  });

  test('many times at once still makes one booking', async () => {
    const args = bookArgs(shifts[0]!, [person()]);
    const before = await shiftCounts(shifts[0]!);
    const answers = await Promise.all(Array.from({ length: 10 }, () => citizen.rpc('book_places', args)));
    expect(answers.map((a) => a.error)).toEqual(Array(10).fill(null));
    expect(new Set(answers.map((a) => asView(a.data).bookings[0]!.code)).size).toBe(1);
    expect((await shiftCounts(shifts[0]!)).booked).toBe(before.booked + 1);
  });

  test('with the same key but another request is refused', async () => {
    const args = bookArgs(shifts[0]!, [person()]);
    await citizen.rpc('book_places', args);
    const { error } = await citizen.rpc('book_places', { ...args, p_people: [person()] as never });
    expect(refusal(error)).toMatchObject({ code: 'idempotency_conflict' });
  });

  test('after a refusal tries again, and can succeed', async () => {
    const { shiftIds } = await createSession({ campaignId, place: await placeIn('474'), shifts: [{ start: '07:00', end: '12:00', capacity: 1 }] });
    const holder = await citizen.rpc('book_places', bookArgs(shiftIds[0]!, [person()], { p_phone: phone() }));
    const args = bookArgs(shiftIds[0]!, [person()]);
    expect(refusal((await citizen.rpc('book_places', args)).error)).toMatchObject({ code: 'shift_full' });
    const code = asView(holder.data).bookings[0]!.code;
    const token = asView(holder.data).token!;
    expect((await citizen.rpc('cancel_booking', { p_code: code, p_token: token })).error).toBeNull();
    expect((await citizen.rpc('book_places', args)).error).toBeNull();
  });
});

describe('rate limits', () => {
  test('refuse a client IP over its booking calls in ten minutes, refused ones counted', async () => {
    const ip = '127.0.1.9';
    const [rule] = await sql<{ max_hits: number }>("select max_hits from private.rate_limit_rules where action = 'book' and scope = 'ip'");
    // The address's earlier calls, all but two of its limit, counted as its requests are.
    await countCalls('book', 'ip', ip, rule!.max_hits - 2);
    const client = anonFrom(ip);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await client.rpc('book_places', bookArgs(shifts[0]!, [person()], { p_consent: null })));
    expect(answers.slice(0, 2).map((a) => a.error?.code)).toEqual(['consent_required', 'consent_required']);
    expect(answers[2]!.error?.code).toBe('rate_limited');
    expect(answers[2]!.status).toBe(429);
    // another client is not affected
    expect((await anonFrom('127.0.1.10').rpc('book_places', bookArgs(shifts[0]!, [person()], { p_consent: null }))).error?.code).toBe('consent_required');
  });

  test('refuse a phone number after 10 booking calls in an hour, from any address', async () => {
    const contact = phone();
    const codes = [];
    for (let i = 0; i < 11; i++) {
      const { error } = await anonFrom(`127.0.1.${20 + i}`).rpc('book_places', bookArgs(shifts[0]!, [person()], { p_phone: contact, p_consent: null }));
      codes.push(error?.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('consent_required'));
    expect(codes[10]).toBe('rate_limited');
  });

  test('refuse lookups of one code after 20 tries in an hour', async () => {
    const { data } = await citizen.rpc('book_places', bookArgs(shifts[0]!, [person()]));
    const code = asView(data).bookings[0]!.code;
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await anonFrom(`127.0.1.${40 + i}`).rpc('lookup_booking', { p_code: code, p_phone: phone() })).error?.code);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill('not_found'));
    expect(answers[20]).toBe('rate_limited');
  });
});
