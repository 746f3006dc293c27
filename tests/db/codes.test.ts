// The site checks codes, phones and ID numbers inline with src/domain; the database decides. Both
// must agree, or a person would be told one thing by the form and another by the server.
import { randomInt } from 'node:crypto';
import { expect, test } from 'vitest';
import { checkChar, codeAlphabet, normalizeCode, isValidCode } from '../../src/domain/booking-code.ts';
import { checkIdNumber } from '../../src/domain/id-number.ts';
import { normalizePhone } from '../../src/domain/phone.ts';
import { asView } from './support/booking-view.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, placeIn, sql } from './support/fixtures.ts';

const randomBody = () => Array.from({ length: 8 }, () => codeAlphabet[randomInt(32)]).join('');

test('check characters are the same in Postgres and in the site', async () => {
  const bodies = Array.from({ length: 300 }, randomBody);
  const rows = await sql<{ body: string; check: string }>('select body, private.code_check_char(body) as check from unnest($1::text[]) body', [bodies]);
  expect(rows.map((r) => r.check)).toEqual(bodies.map(checkChar));
});

test('typed codes and phone numbers normalise the same way', async () => {
  const codes = ['k7m2-9qx4t', ' ABCD 1234A ', 'oilo-0000-0', ''];
  const phones = ['+84 90 123 4567', '84-912-345-678', '0901.234.567', '(090) 1234567', '0241234567', '090123456', ''];
  const rows = await sql<{ code: string; valid: boolean }>('select private.normalize_code(c) as code, private.is_valid_code(private.normalize_code(c)) as valid from unnest($1::text[]) c', [codes]);
  expect(rows.map((r) => [r.code, r.valid])).toEqual(codes.map((c) => [normalizeCode(c), isValidCode(normalizeCode(c))]));
  const phoneRows = await sql<{ phone: string | null }>('select private.normalize_phone(p) as phone from unnest($1::text[]) p', [phones]);
  expect(phoneRows.map((r) => r.phone)).toEqual(phones.map(normalizePhone));
});

test('ID numbers are judged the same way', async () => {
  const cases: Array<[string, string]> = [
    ['046090001234', '1990-05-17'], ['046190001234', '1990-05-17'], ['046290001234', '1990-05-17'],
    ['001204001234', '2004-01-02'], ['096385001234', '2085-01-01'], ['097090001234', '1990-05-17'],
    ['000090001234', '1990-05-17'], ['046091001234', '1990-05-17'], ['191234567', '1970-01-01'], ['12345', '1970-01-01'],
  ];
  const rows = await sql<{ ok: boolean }>('select private.is_valid_id_number(c[1], c[2]::date) as ok from unnest($1::text[]) with ordinality as t(x, n), lateral (select string_to_array(x, \',\') as c) s order by n', [cases.map((c) => c.join(','))]);
  expect(rows.map((r) => r.ok)).toEqual(cases.map(([id, birth]) => checkIdNumber(id, birth).ok));
});

test('every code the database hands out passes the site\'s check', async () => {
  const { id } = await createCampaign();
  const { shiftIds } = await createSession({ campaignId: id, place: await placeIn('474') });
  const { data } = await anonFrom('127.0.6.1').rpc('book_places', bookArgs(shiftIds[0]!, [person(), person(), person(), person(), person()]));
  for (const booking of asView(data).bookings) expect(isValidCode(booking.code)).toBe(true);
});

test('a name typed with separate tone marks or a curly apostrophe is stored composed and plain', async () => {
  const { id } = await createCampaign();
  const { shiftIds } = await createSession({ campaignId: id, place: await placeIn('474') });
  const decomposed = 'Nguyễn Thị Hồng’Anh'.normalize('NFD');
  const { data, error } = await anonFrom('127.0.6.2').rpc('book_places', bookArgs(shiftIds[0]!, [person({ full_name: decomposed })]));
  expect(error).toBeNull();
  expect(asView(data).bookings[0]!.full_name).toBe("Nguyễn Thị Hồng'Anh");
});
