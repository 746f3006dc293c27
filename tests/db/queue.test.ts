// The queue of a shift never loses a person: calling takes the people here whom no call has
// reached yet, lowest number first, late arrivals and walk-ins included; a number can be called
// again or out of turn; the board shows what was called; served and not come can be taken back on
// the day; and a check-in, walk-in number or call next sent twice takes effect once.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { answer, answerSchemas } from './support/answers.ts';
import { asView, refusal } from './support/booking-view.ts';
import { officer } from './support/clients.ts';
import { anonFrom, bookArgs, createCampaign, createSession, idempotencyKey, person, placeIn, sql, type Place } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

let campaignId: number;
let place: Place;
let commune: Client;
let booking = 0;

beforeAll(async () => {
  campaignId = (await createCampaign('46')).id;
  place = { ...(await placeIn('474')), wardCode: '19786' };
  commune = await officer('commune_officer', '19786');
});

/** A session in Phú Hội with `count` people booked one by one into its first shift: their codes by queue number (index 0 = number 1). */
async function bookedShift(count: number, inDays = 3): Promise<{ sessionId: number; shiftId: number; otherShiftId: number; codes: string[] }> {
  const { sessionId, shiftIds } = await createSession({ campaignId, place, inDays });
  const codes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    booking += 1;
    const { data, error } = await anonFrom(`127.0.15.${booking}`).rpc('book_places', bookArgs(shiftIds[0]!, [person()]));
    expect(error).toBeNull();
    codes.push(asView(data).bookings[0]!.code);
  }
  return { sessionId, shiftId: shiftIds[0]!, otherShiftId: shiftIds[1]!, codes };
}

const nowServing = async (shiftId: number) =>
  Number((await sql<{ now_serving: number }>('select now_serving from public.shifts where id = $1', [shiftId]))[0]!.now_serving);

async function checkIn(code: string) {
  return answer(answerSchemas.staff_check_in, await commune.rpc('staff_check_in', { p_code: code }));
}

/** "Call next" as the console sends it: with the number the officer sees being served. */
async function callNext(shiftId: number, seen?: number) {
  return commune.rpc('staff_call_next', { p_shift_id: shiftId, p_now_serving: seen ?? (await nowServing(shiftId)) });
}
const calledNext = async (shiftId: number) => answer(answerSchemas.staff_call_next, await callNext(shiftId)).queue_no;

async function board(sessionId: number, shiftId: number) {
  const read = answer(answerSchemas.now_serving_board, await anonFrom('127.0.15.250').rpc('now_serving_board', { p_session_id: sessionId }));
  const shift = read!.shifts.find((each) => each.id === shiftId)!;
  return { nowServing: shift.now_serving, calledBefore: shift.called_before };
}

test('the issue\'s day: late arrivals, a walk-in and a late booked number are all called, lowest number first, and the board shows each', async () => {
  const { sessionId, shiftId, codes } = await bookedShift(6);
  for (const n of [1, 2, 5]) await checkIn(codes[n - 1]!);
  expect([await calledNext(shiftId), await calledNext(shiftId), await calledNext(shiftId)]).toEqual([1, 2, 5]);
  expect(await board(sessionId, shiftId)).toEqual({ nowServing: 5, calledBefore: [2, 1] });

  // 3 and 4 come late: they are here and no call has reached them, so they are next.
  for (const n of [3, 4]) await checkIn(codes[n - 1]!);
  const three = answer(answerSchemas.staff_call_next, await callNext(shiftId));
  expect(three).toMatchObject({ queue_no: 3, status: 'checked_in', code: codes[2] });
  expect(three.called_at).not.toBeNull();
  expect(await board(sessionId, shiftId)).toEqual({ nowServing: 3, calledBefore: [5, 2, 1] });

  const walkIn = answer(answerSchemas.staff_add_walk_in, await commune.rpc('staff_add_walk_in', { p_shift_id: shiftId, p_request_key: idempotencyKey() }));
  expect(walkIn).toMatchObject({ kind: 'walk_in', queue_no: 7, called_at: null });
  expect(await calledNext(shiftId)).toBe(4);
  await checkIn(codes[5]!);
  expect(await calledNext(shiftId)).toBe(6);
  expect(await calledNext(shiftId)).toBe(7);
  expect(refusal((await callNext(shiftId)).error)).toEqual({ code: 'queue_empty', details: { now_serving: 7 } });
  // Served people leave the board's list of numbers called and still waiting.
  for (const n of [1, 2, 5]) answer(answerSchemas.staff_mark, await commune.rpc('staff_mark', { p_shift_id: shiftId, p_queue_no: n, p_status: 'served' }));
  expect(await board(sessionId, shiftId)).toEqual({ nowServing: 7, calledBefore: [6, 4, 3] });

  // Every person was called, and the officer's console reads who was.
  const booked = await commune.from('bookings').select('queue_no, called_at').eq('shift_id', shiftId).order('queue_no');
  const walkedIn = await commune.from('walk_ins').select('queue_no, called_at').eq('shift_id', shiftId);
  expect(booked.error).toBeNull();
  const rows = [...(booked.data ?? []), ...(walkedIn.data ?? [])];
  expect(rows.map((row) => [row.queue_no, row.called_at !== null])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, true]));
});

test('a number is called again or out of turn, only when its holder is here; the board shows it and who was called before', async () => {
  const { sessionId, shiftId, codes } = await bookedShift(3);
  for (const code of codes) await checkIn(code);
  expect(await calledNext(shiftId)).toBe(1);
  // Out of turn: 3 before 2.
  const three = answer(answerSchemas.staff_call_number, await commune.rpc('staff_call_number', { p_shift_id: shiftId, p_queue_no: 3 }));
  expect(three).toMatchObject({ queue_no: 3, status: 'checked_in' });
  expect(await board(sessionId, shiftId)).toEqual({ nowServing: 3, calledBefore: [1] });
  // 1 did not hear it: called again, it is the one served again; 3 waits on the board.
  answer(answerSchemas.staff_call_number, await commune.rpc('staff_call_number', { p_shift_id: shiftId, p_queue_no: 1 }));
  expect(await board(sessionId, shiftId)).toEqual({ nowServing: 1, calledBefore: [3] });
  // Call next goes on with the one no call has reached.
  expect(await calledNext(shiftId)).toBe(2);

  const notHere = await bookedShift(1);
  expect(refusal((await commune.rpc('staff_call_number', { p_shift_id: notHere.shiftId, p_queue_no: 1 })).error)).toEqual({ code: 'not_present', details: { status: 'confirmed' } });
  expect(refusal((await commune.rpc('staff_call_number', { p_shift_id: notHere.shiftId, p_queue_no: 9 })).error)?.code).toBe('not_found');
  expect(await nowServing(notHere.shiftId)).toBe(0);
});

test('call next sent again after its answer was lost calls nobody more: it answers the number being served', async () => {
  const { shiftId, codes } = await bookedShift(3);
  for (const code of codes) await checkIn(code);
  const first = answer(answerSchemas.staff_call_next, await callNext(shiftId, 0));
  expect(first.queue_no).toBe(1);
  // The same press (the officer saw nothing served yet) comes again.
  const again = answer(answerSchemas.staff_call_next, await callNext(shiftId, 0));
  expect(again).toEqual(first);
  expect(await nowServing(shiftId)).toBe(1);
  const [waiting] = await sql<{ count: number }>('select count(*)::int as count from public.bookings where shift_id = $1 and called_at is null', [shiftId]);
  expect(waiting!.count).toBe(2);
  // The next press, with 1 seen, calls 2.
  expect(answer(answerSchemas.staff_call_next, await callNext(shiftId, 1)).queue_no).toBe(2);
  expect(refusal((await callNext(shiftId, -1)).error)).toEqual({ code: 'invalid_argument', details: { field: 'now_serving' } });
});

test('a walk-in number asked twice with one request key is handed out once; the key cannot serve another shift', async () => {
  const { shiftId, otherShiftId } = await bookedShift(1);
  const key = idempotencyKey();
  const first = answer(answerSchemas.staff_add_walk_in, await commune.rpc('staff_add_walk_in', { p_shift_id: shiftId, p_request_key: key }));
  const again = answer(answerSchemas.staff_add_walk_in, await commune.rpc('staff_add_walk_in', { p_shift_id: shiftId, p_request_key: key }));
  expect(first).toMatchObject({ kind: 'walk_in', queue_no: 2 });
  expect(again).toEqual(first);
  const [shift] = await sql<{ last_queue_no: number }>('select last_queue_no from public.shifts where id = $1', [shiftId]);
  expect(shift!.last_queue_no).toBe(2);
  expect(await sql('select queue_no from public.walk_ins where shift_id = $1', [shiftId])).toEqual([{ queue_no: 2 }]);

  expect(refusal((await commune.rpc('staff_add_walk_in', { p_shift_id: otherShiftId, p_request_key: key })).error)?.code).toBe('idempotency_conflict');
  expect(refusal((await commune.rpc('staff_add_walk_in', { p_shift_id: shiftId, p_request_key: 'short' })).error)).toEqual({ code: 'invalid_argument', details: { field: 'request_key' } });
  const another = answer(answerSchemas.staff_add_walk_in, await commune.rpc('staff_add_walk_in', { p_shift_id: shiftId, p_request_key: idempotencyKey() }));
  expect(another.queue_no).toBe(3);
});

test('a check-in sent twice answers the person checked in, both times', async () => {
  const { codes } = await bookedShift(1);
  const first = await checkIn(codes[0]!);
  expect(first).toMatchObject({ status: 'checked_in', queue_no: 1 });
  expect(await checkIn(codes[0]!)).toEqual(first);
});

test('served needs the person here; not come and served are taken back on the day, audited; a no-show who turns up is checked in and called', async () => {
  const { shiftId, codes } = await bookedShift(3);
  const mark = (queueNo: number, status: 'served' | 'no_show') => commune.rpc('staff_mark', { p_shift_id: shiftId, p_queue_no: queueNo, p_status: status });
  const undo = (queueNo: number) => commune.rpc('staff_undo_mark', { p_shift_id: shiftId, p_queue_no: queueNo });

  // 1 has not come in: not served.
  expect(refusal((await mark(1, 'served')).error)).toEqual({ code: 'not_present', details: { status: 'confirmed' } });
  // Not come, then turns up: checked in, and waits to be called.
  expect(answer(answerSchemas.staff_mark, await mark(1, 'no_show'))).toMatchObject({ status: 'no_show' });
  expect(await checkIn(codes[0]!)).toMatchObject({ status: 'checked_in', called_at: null });
  expect(await calledNext(shiftId)).toBe(1);

  // Served by mistake, taken back: here again, still called.
  expect(answer(answerSchemas.staff_mark, await mark(1, 'served'))).toMatchObject({ status: 'served' });
  const back = answer(answerSchemas.staff_undo_mark, await undo(1));
  expect(back.status).toBe('checked_in');
  expect(back.called_at).not.toBeNull();

  // Not come for someone never here: taken back, they are still expected (booked).
  answer(answerSchemas.staff_mark, await mark(2, 'no_show'));
  expect(answer(answerSchemas.staff_undo_mark, await undo(2))).toMatchObject({ status: 'confirmed' });
  // Checked in, called, then marked not come by mistake: taken back, here and called.
  await checkIn(codes[2]!);
  expect(await calledNext(shiftId)).toBe(3);
  answer(answerSchemas.staff_mark, await mark(3, 'no_show'));
  expect(answer(answerSchemas.staff_undo_mark, await undo(3))).toMatchObject({ status: 'checked_in' });
  // Nothing to take back.
  expect(refusal((await undo(3)).error)).toEqual({ code: 'not_marked', details: { status: 'checked_in' } });

  const log = await sql<{ before: string; after: string }>(
    `select l.before ->> 'status' as before, l.after ->> 'status' as after from public.audit_log l
     where l.table_name = 'bookings' and l.after ->> 'code' = $1 and l.before ->> 'status' <> l.after ->> 'status' order by l.id`,
    [codes[0]],
  );
  expect(log.map((row) => [row.before, row.after])).toEqual([
    ['confirmed', 'no_show'],
    ['no_show', 'checked_in'],
    ['checked_in', 'served'],
    ['served', 'checked_in'],
  ]);
});

test('after the session\'s day, served and not come stand', async () => {
  const { shiftIds } = await createSession({ campaignId, place, inDays: -1 });
  const [user] = await sql<{ id: string }>("select id from auth.users where email like 'commune_officer-19786-%' limit 1");
  await sql("insert into public.walk_ins (shift_id, queue_no, created_by, status) values ($1, 1, $2, 'served')", [shiftIds[0], user!.id]);
  expect(refusal((await commune.rpc('staff_undo_mark', { p_shift_id: shiftIds[0]!, p_queue_no: 1 })).error)?.code).toBe('day_over');
});
