import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookingRequestSchema, bookingRequestSchemaFor, isOldEnough, personSchema, toBookPlacesArgs, type PersonInput } from '../../src/domain/booking.ts';
import { cancelRequestSchema, lookupRequestSchema, moveRequestSchema, toCancelBookingArgs, toLookupArgs, toMoveBookingArgs, tokenLookupRequestSchema } from '../../src/domain/booking-changes.ts';
import { ageOn, dateFromParts, todayInVietnam } from '../../src/domain/dates.ts';
import { newIdempotencyKey } from '../../src/domain/idempotency-key.ts';
import { messagesAgreement } from '../../src/domain/messages-agreement.ts';
import { getT } from '../../src/i18n/index.ts';
import { messages } from './support/messages.ts';


const person = (overrides: Partial<PersonInput> = {}): PersonInput => ({
  full_name: 'Nguyễn Văn An',
  birth_date: '1980-03-31',
  id_number: '079080123456',
  application_kind: 'conversion',
  ...overrides,
});

const request = (overrides: Record<string, unknown> = {}) => ({
  shift_id: 12,
  people: [person()],
  phone: '+84 90 123 4567',
  messages: null,
  consent: 'law-91-2025',
  idempotency_key: 'AAAAAAAAAAAAAAAAAAAAAA',
  ...overrides,
});

// Frozen on 1 June 2021, 10:00 in Viet Nam, during the campaign.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2021-06-01T03:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a person on the booking form', () => {
  it('is accepted and normalised as the database stores it', () => {
    const parsed = personSchema.parse(
      person({ full_name: `  Nguyễn   Văn\u00a0An `.normalize('NFD'), id_number: ' 079 080 123456 ' }),
    );
    expect(parsed).toEqual({
      full_name: 'Nguyễn Văn An',
      birth_date: '1980-03-31',
      id_number: '079080123456',
      application_kind: 'conversion',
    });
    expect(parsed.full_name).toBe(parsed.full_name.normalize('NFC'));
  });

  it('accepts names of ethnic minorities with apostrophes, and turns a typographic apostrophe into the ASCII one', () => {
    expect(personSchema.parse(person({ full_name: 'H’Hen Niê' })).full_name).toBe("H'Hen Niê");
    expect(personSchema.parse(person({ full_name: 'Y-Moan Ênuôl' })).full_name).toBe('Y-Moan Ênuôl');
  });

  it('leaves the ID number out when it is empty or missing', () => {
    expect(personSchema.parse(person({ id_number: '  ' })).id_number).toBeNull();
    expect(personSchema.parse(person({ id_number: undefined })).id_number).toBeNull();
    expect(personSchema.parse(person({ id_number: null })).id_number).toBeNull();
  });

  it.each([
    ['', 'booking:fullName.required'],
    ['   ', 'booking:fullName.required'],
    ['A', 'booking:fullName.tooShort'],
    ['A'.repeat(101), 'booking:fullName.tooLong'],
    ['Nguyễn Văn An 2', 'booking:fullName.characters'],
    ['-An', 'booking:fullName.characters'],
  ])('refuses the name %j with %s', (full_name, message) => {
    expect(messages(personSchema, person({ full_name }))).toEqual({ full_name: [message] });
  });

  it('accepts a name of exactly 100 letters, counted as Postgres counts them', () => {
    expect(personSchema.safeParse(person({ full_name: 'Ễ'.repeat(100) })).success).toBe(true);
  });

  it.each([
    ['', 'booking:birthDate.required'],
    ['31/03/1980', 'booking:birthDate.invalid'],
    ['1980-02-30', 'booking:birthDate.invalid'],
    ['1899-12-31', 'booking:birthDate.tooEarly'],
    ['2021-06-02', 'booking:birthDate.future'],
  ])('refuses the date of birth %j with %s', (birth_date, message) => {
    expect(messages(personSchema, person({ birth_date, id_number: null }))).toEqual({ birth_date: [message] });
  });

  it('accepts a birth today in Viet Nam, even while it is still yesterday in UTC', () => {
    vi.setSystemTime(new Date('2021-05-31T18:00:00Z')); // 1 June, 01:00 in Viet Nam
    expect(todayInVietnam()).toBe('2021-06-01');
    expect(personSchema.safeParse(person({ birth_date: '2021-06-01', id_number: null })).success).toBe(true);
    expect(personSchema.safeParse(person({ birth_date: '1900-01-01', id_number: null })).success).toBe(true);
  });

  it('checks the ID number against the date of birth', () => {
    expect(messages(personSchema, person({ id_number: '079280123456' }))).toEqual({ id_number: ['booking:idNumber.birthYear'] });
    expect(messages(personSchema, person({ id_number: '097080123456' }))).toEqual({ id_number: ['booking:idNumber.province'] });
    expect(messages(personSchema, person({ id_number: '07908012345' }))).toEqual({ id_number: ['booking:idNumber.format'] });
    expect(personSchema.safeParse(person({ id_number: '123456789' })).success).toBe(true);
  });

  it('does not blame the ID number for a wrong date of birth', () => {
    expect(messages(personSchema, person({ birth_date: '1980-02-30' }))).toEqual({ birth_date: ['booking:birthDate.invalid'] });
  });

  it('reports every field at once, the ID number too, when the application kind is missing', () => {
    expect(messages(personSchema, person({ full_name: 'A', id_number: '079280123456', application_kind: '' as never }))).toEqual({
      full_name: ['booking:fullName.tooShort'],
      application_kind: ['booking:applicationKind.required'],
      id_number: ['booking:idNumber.birthYear'],
    });
  });

  it('builds the date of birth from the three boxes of the form', () => {
    expect(dateFromParts('31', '3', '1980')).toBe('1980-03-31');
    expect(dateFromParts(' 1', '01 ', '2007')).toBe('2007-01-01');
    expect(dateFromParts('', '', '')).toBe('');
    expect(messages(personSchema, person({ birth_date: dateFromParts('31', '', '1980'), id_number: null }))).toEqual({
      birth_date: ['booking:birthDate.invalid'],
    });
  });
});

describe('a booking request', () => {
  it('is accepted for one person, with the phone number normalised', () => {
    const parsed = bookingRequestSchema.parse(request());
    expect(parsed.phone).toBe('0901234567');
    expect(parsed.people).toHaveLength(1);
  });

  it('accepts 5 people and refuses 6', () => {
    const five = Array.from({ length: 5 }, (_, i) => person({ birth_date: `198${i}-01-01`, id_number: null }));
    expect(bookingRequestSchema.safeParse(request({ people: five })).success).toBe(true);
    const six = [...five, person({ birth_date: '1990-01-01', id_number: null })];
    expect(messages(bookingRequestSchema, request({ people: six }))).toEqual({ people: ['booking:people.tooMany'] });
    const issue = bookingRequestSchema.safeParse(request({ people: six })).error!.issues[0]!;
    const params = (issue as { params?: Record<string, number> }).params ?? {};
    expect(getT('en', 'booking')(issue.message.replace('booking:', '') as 'people.tooMany', params)).toBe(
      'You can book for up to 5 people at a time. Make another booking for the others',
    );
  });

  it('refuses nobody', () => {
    expect(messages(bookingRequestSchema, request({ people: [] }))).toEqual({ people: ['booking:people.required'] });
  });

  it('refuses the same person twice, whatever the case and spacing of the name', () => {
    const twice = [person({ id_number: null }), person({ full_name: 'nguyễn  VĂN an', id_number: null })];
    expect(messages(bookingRequestSchema, request({ people: twice }))).toEqual({ 'people.1.full_name': ['booking:person.duplicate'] });
  });

  it('keeps names that differ only by a tone mark apart, as the database does', () => {
    const two = [person({ id_number: null }), person({ full_name: 'Nguyễn Văn Ân', id_number: null })];
    expect(bookingRequestSchema.safeParse(request({ people: two })).success).toBe(true);
  });

  it('refuses one ID number for two people', () => {
    const twice = [person(), person({ full_name: 'Lê Thị Bình' })];
    expect(messages(bookingRequestSchema, request({ people: twice }))).toEqual({ 'people.1.id_number': ['booking:person.duplicateIdNumber'] });
  });

  it('refuses a request without consent', () => {
    expect(messages(bookingRequestSchema, request({ consent: '' }))).toEqual({ consent: ['booking:consent.required'] });
  });

  it('refuses a landline and an empty phone number', () => {
    expect(messages(bookingRequestSchema, request({ phone: '024 3824 1234' }))).toEqual({ phone: ['booking:phone.invalid'] });
    expect(messages(bookingRequestSchema, request({ phone: ' ' }))).toEqual({ phone: ['booking:phone.required'] });
  });

  it('refuses a missing shift and a malformed idempotency key', () => {
    expect(messages(bookingRequestSchema, request({ shift_id: '' }))).toEqual({ shift_id: ['booking:shift.required'] });
    expect(messages(bookingRequestSchema, request({ shift_id: 1.5 }))).toEqual({ shift_id: ['booking:shift.required'] });
    expect(messages(bookingRequestSchema, request({ idempotency_key: 'short' }))).toEqual({ idempotency_key: ['booking:form.reload'] });
    expect(messages(bookingRequestSchema, request({ idempotency_key: 'A'.repeat(21) + '+' }))).toEqual({ idempotency_key: ['booking:form.reload'] });
  });

  it('becomes exactly the arguments of book_places', () => {
    const args = toBookPlacesArgs(
      bookingRequestSchema.parse(request({ shift_id: '7', people: [person(), person({ full_name: 'Lê Thị Bình', birth_date: '2005-06-01', id_number: '' })] })),
    );
    expect(args).toStrictEqual({
      p_shift_id: 7,
      p_people: [
        { full_name: 'Nguyễn Văn An', birth_date: '1980-03-31', id_number: '079080123456', application_kind: 'conversion' },
        { full_name: 'Lê Thị Bình', birth_date: '2005-06-01', id_number: null, application_kind: 'conversion' },
      ],
      p_phone: '0901234567',
      p_consent: 'law-91-2025',
      p_idempotency_key: 'AAAAAAAAAAAAAAAAAAAAAA',
      p_messages: null,
    });
  });

  it('sends the agreement to messages as the box and the e-mail box give it', () => {
    const agreed = (email: string) => bookingRequestSchema.parse(request({ messages: messagesAgreement(true, email, 'en') })).messages;
    expect(agreed('  ba.lan@example.vn ')).toEqual({ lang: 'en', email: 'ba.lan@example.vn' });
    expect(agreed('')).toEqual({ lang: 'en', email: '' });
    expect(bookingRequestSchema.parse(request({ messages: messagesAgreement(false, 'ba.lan@example.vn', 'vi') })).messages).toBeNull();
    for (const email of ['ba.lan', 'ba lan@example.vn', `${'a'.repeat(250)}@x.vn`]) {
      expect(messages(bookingRequestSchema, request({ messages: messagesAgreement(true, email, 'vi') }))).toEqual({ 'messages.email': ['common:messages.emailInvalid'] });
    }
  });
});

describe('the minimum age', () => {
  it('is reached on the birthday, not the day before', () => {
    expect(ageOn('2007-06-15', '2021-06-14')).toBe(13);
    expect(ageOn('2007-06-15', '2021-06-15')).toBe(14);
    expect(isOldEnough('2007-06-15', '2021-06-14')).toBe(false);
    expect(isOldEnough('2007-06-15', '2021-06-15')).toBe(true);
    expect(isOldEnough('2007-06-15', '2021-06-15', 15)).toBe(false);
  });

  it('is reached on 1 March by someone born on 29 February, as Postgres age() counts', () => {
    expect(ageOn('2008-02-29', '2022-02-28')).toBe(13);
    expect(ageOn('2008-02-29', '2022-03-01')).toBe(14);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('marks the birth date of someone too young for the session', () => {
    const schema = bookingRequestSchemaFor({ date: '2021-06-14', minAge: 14 });
    const people = [person(), person({ full_name: 'Nguyễn Thị Cúc', birth_date: '2007-06-15', id_number: null, application_kind: 'first_issue' })];
    const result = schema.safeParse(request({ people }));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toMatchObject([
      { path: ['people', 1, 'birth_date'], message: 'booking:birthDate.tooYoung', params: { min_age: 14 } },
    ]);
    expect(bookingRequestSchemaFor({ date: '2021-06-15' }).safeParse(request({ people })).success).toBe(true);
  });
});

describe('the idempotency key', () => {
  it('is 22 base64url characters that the booking schema accepts, new each time', () => {
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(bookingRequestSchema.safeParse(request({ idempotency_key: key })).success).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries the 16 random bytes', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => 250 + (i % 6));
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set(bytes);
      return array;
    });
    try {
      expect(newIdempotencyKey()).toBe(Buffer.from(bytes).toString('base64url'));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('looking up, cancelling and moving a booking', () => {
  const token = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ'; // 43 characters, like a manage token

  it('normalises the code and the phone number', () => {
    const parsed = lookupRequestSchema.parse({ code: ' 7kq2-mx4rk', phone: '84 901 234 567' });
    expect(toLookupArgs(parsed)).toStrictEqual({ p_code: '7KQ2MX4RK', p_phone: '0901234567' });
  });

  it('uses the token of the booking link instead of the phone number', () => {
    expect(toLookupArgs(tokenLookupRequestSchema.parse({ code: '7KQ2MX4RK', token }))).toStrictEqual({ p_code: '7KQ2MX4RK', p_token: token });
    expect(messages(tokenLookupRequestSchema, { code: '7KQ2MX4RK', token: token.slice(0, 31) })).toEqual({ token: ['booking:token.invalid'] });
  });

  it.each([
    ['', 'booking:code.required'],
    ['7KQ2-MX4R', 'booking:code.format'],
    ['7KQ2-MX4RU', 'booking:code.format'],
    ['7KQ2-MX4RX', 'booking:code.mistyped'],
    ['7KQ2-XM4RK', 'booking:code.mistyped'],
  ])('refuses the code %j with %s', (code, message) => {
    expect(messages(lookupRequestSchema, { code, phone: '0901234567' })).toEqual({ code: [message] });
  });

  it('asks for the phone number when neither it nor a token is given', () => {
    expect(messages(cancelRequestSchema, { code: '7KQ2MX4RK' })).toEqual({ phone: ['booking:phone.required'] });
  });

  it('cancels with only the arguments given', () => {
    expect(toCancelBookingArgs(cancelRequestSchema.parse({ code: '7KQ2MX4RK', phone: '0901234567' }))).toStrictEqual({
      p_code: '7KQ2MX4RK',
      p_phone: '0901234567',
    });
    expect(toCancelBookingArgs(cancelRequestSchema.parse({ code: '7KQ2MX4RK', token, codes: ['abcd-1234a', '7kq2mx4rk'] }))).toStrictEqual({
      p_code: '7KQ2MX4RK',
      p_token: token,
      p_codes: ['ABCD1234A', '7KQ2MX4RK'],
    });
  });

  it('refuses a list of codes with one twice', () => {
    expect(messages(cancelRequestSchema, { code: '7KQ2MX4RK', token, codes: ['ABCD1234A', 'abcd-1234a'] })).toEqual({ codes: ['booking:form.reload'] });
  });

  it('moves to a shift', () => {
    expect(toMoveBookingArgs(moveRequestSchema.parse({ code: '7KQ2MX4RK', phone: '0901234567', shift_id: 31 }))).toStrictEqual({
      p_code: '7KQ2MX4RK',
      p_phone: '0901234567',
      p_shift_id: 31,
    });
    expect(messages(moveRequestSchema, { code: '7KQ2MX4RK', phone: '0901234567' })).toEqual({ shift_id: ['booking:shift.required'] });
  });
});
