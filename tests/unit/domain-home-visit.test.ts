import { describe, expect, test } from 'vitest';
import {
  ageInDays,
  homeVisitRequestSchema,
  isOverdue,
  overdueFirst,
  rejectedFieldMessage,
  outcomeSchema,
  preferencesSchema,
  scheduleSchema,
  toRequestPayload,
  type HomeVisitRequestInput,
} from '../../src/domain/home-visit.ts';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';

const form: HomeVisitRequestInput = {
  full_name: '  Nguyễn   Thị Lành ',
  birth_date: '1938-03-12',
  old_id_number: '',
  reason: 'elderly',
  reason_other: 'ignored unless other',
  ward: '19786',
  street_address: ' 12 kiệt 5  Nguyễn Công Trứ ',
  landmark: '',
  lat: null,
  lng: null,
  needs: ['hearing', 'bedridden'],
  ethnic_language: 'Tày',
  preferred_days: ['3', '1', '3'],
  preferred_periods: ['afternoon', 'morning'],
  requester_name: 'Trần Văn Hùng',
  requester_phone: '+84 905 123 456',
  relationship: 'child',
  messages: null,
  consent: 'law-91-2025',
  campaign: 'thua-thien-hue-2021',
};

function messages(input: unknown, schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } = homeVisitRequestSchema) {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('the home-visit request', () => {
  test('normalises what was typed into the payload the database expects', () => {
    const payload = toRequestPayload(homeVisitRequestSchema.parse(form));
    expect(payload).toMatchObject({
      full_name: 'Nguyễn Thị Lành',
      street_address: '12 kiệt 5 Nguyễn Công Trứ',
      landmark: null,
      old_id_number: null,
      reason_other: null,
      needs: ['bedridden', 'hearing'],
      ethnic_language: null,
      preferred_days: [1, 3],
      preferred_periods: ['morning', 'afternoon'],
      requester_phone: '0905123456',
      consent: 'law-91-2025',
      campaign: 'thua-thien-hue-2021',
    });
  });

  test('the same answers make the same payload, so a retry is recognised', () => {
    const once = JSON.stringify(toRequestPayload(homeVisitRequestSchema.parse(form)));
    const twice = JSON.stringify(toRequestPayload(homeVisitRequestSchema.parse({ ...form, needs: ['bedridden', 'hearing'] })));
    expect(twice).toBe(once);
  });

  test('asks for each missing answer with its own message', () => {
    expect(messages({ ...form, reason: '', ward: '', street_address: ' ', preferred_days: [], preferred_periods: [], relationship: '', consent: '' })).toEqual({
      reason: 'homeVisit:reason.required',
      ward: 'homeVisit:ward.required',
      street_address: 'homeVisit:address.required',
      preferred_days: 'homeVisit:days.required',
      preferred_periods: 'homeVisit:periods.required',
      relationship: 'homeVisit:relationship.required',
      consent: 'homeVisit:consent.required',
    });
  });

  test('a missing requester name has its own message; a bad one the booking form’s', () => {
    expect(messages({ ...form, requester_name: ' ' })).toEqual({ requester_name: 'homeVisit:requester.nameRequired' });
    expect(messages({ ...form, requester_name: 'A' })).toEqual({ requester_name: 'booking:fullName.tooShort' });
  });

  test('another reason needs its text, and an ethnic language its name', () => {
    expect(messages({ ...form, reason: 'other', reason_other: '' })).toEqual({ reason_other: 'homeVisit:reasonOther.required' });
    expect(messages({ ...form, needs: ['ethnic_language'], ethnic_language: ' ' })).toEqual({ ethnic_language: 'homeVisit:language.required' });
  });

  test('shares the booking form’s checks of the name, date of birth, ID number and phone', () => {
    expect(messages({ ...form, full_name: '1abc', birth_date: '1938-02-30', requester_phone: '024 3826 1234' })).toEqual({
      full_name: 'booking:fullName.characters',
      birth_date: 'booking:birthDate.invalid',
      requester_phone: 'booking:phone.invalid',
    });
    expect(messages({ ...form, old_id_number: '046 1 99 123456' })).toEqual({ old_id_number: 'booking:idNumber.birthYear' });
    expect(messages({ ...form, old_id_number: '123456789' })).toEqual({});
  });

  test('keeps a location in Viet Nam, rounded, and refuses one elsewhere', () => {
    expect(toRequestPayload(homeVisitRequestSchema.parse({ ...form, lat: 16.4637123, lng: 107.5908765 }))).toMatchObject({ lat: 16.46371, lng: 107.59088 });
    expect(messages({ ...form, lat: 48.85, lng: 2.35 })).toEqual({ lat: 'homeVisit:location.outside', lng: 'homeVisit:location.outside' });
  });
});

describe('changing the preferred times', () => {
  test('needs a day and a part of the day', () => {
    expect(messages({ preferred_days: [], preferred_periods: [] }, preferencesSchema)).toEqual({
      preferred_days: 'homeVisit:days.required',
      preferred_periods: 'homeVisit:periods.required',
    });
    expect(preferencesSchema.parse({ preferred_days: ['7', '6'], preferred_periods: ['morning'] })).toEqual({ preferred_days: [6, 7], preferred_periods: ['morning'] });
  });
});

describe('the staff forms', () => {
  const today = todayInVietnam();

  test('a visit is scheduled from today on, in a window that ends after it starts, with a contact', () => {
    expect(messages({ date: today, from: '08:30', to: '10:00', team_contact: 'Đại úy An, 0905 000 111' }, scheduleSchema)).toEqual({});
    expect(messages({ date: addDays(today, -1), from: '10:00', to: '09:00', team_contact: ' ' }, scheduleSchema)).toEqual({
      date: 'staffHomeVisits:schedule.datePast',
      to: 'staffHomeVisits:schedule.timeOrder',
      team_contact: 'staffHomeVisits:schedule.contactRequired',
    });
    expect(messages({ date: today, from: '10:00', to: '09:00', team_contact: 'Tổ 2' }, scheduleSchema)).toEqual({ to: 'staffHomeVisits:schedule.timeOrder' });
  });

  test('could-not needs a reason; done does not', () => {
    expect(messages({ status: 'could_not', note: '' }, outcomeSchema)).toEqual({ note: 'staffHomeVisits:outcome.noteRequired' });
    expect(outcomeSchema.parse({ status: 'done', note: '' })).toEqual({ status: 'done', note: null });
  });

  test('a request’s age counts calendar days in Viet Nam', () => {
    const now = new Date('2026-11-24T01:00:00Z'); // 08:00 in Viet Nam
    expect(ageInDays('2026-11-23T18:00:00Z', now)).toBe(0); // 01:00 the same day in Viet Nam
    expect(ageInDays('2026-11-23T16:00:00Z', now)).toBe(1); // 23:00 the day before
  });
});

describe('a field the database refused', () => {
  test('gets the field’s own message in the request and staff forms, not the search-filter text', () => {
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'ward' } }, 'request')).toBe('homeVisit:ward.required');
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'location' } }, 'request')).toBe('homeVisit:location.outside');
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'preferred_days' } }, 'request')).toBe('homeVisit:days.required');
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'window' } }, 'staff')).toBe('staffHomeVisits:schedule.timeOrder');
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'note' } }, 'staff')).toBe('staffHomeVisits:outcome.noteRequired');
  });

  test('an unknown field gets the general text; other refusals keep their own', () => {
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: { field: 'request' } }, 'request')).toBe('homeVisit:errors.rejected');
    expect(rejectedFieldMessage({ code: 'invalid_argument', details: {} }, 'staff')).toBe('staffHomeVisits:errors.rejected');
    expect(rejectedFieldMessage({ code: 'home_visit_exists', details: {} }, 'request')).toBeUndefined();
  });
});

describe('overdue visits', () => {
  const today = '2026-11-23';
  const visit = (id: number, status: 'received' | 'scheduled' | 'done', scheduled_on: string | null) => ({ id, status, scheduled_on });

  test('a scheduled visit whose day has passed is overdue; today’s, a received or a done one is not', () => {
    expect(isOverdue(visit(1, 'scheduled', '2026-11-22'), today)).toBe(true);
    expect(isOverdue(visit(2, 'scheduled', today), today)).toBe(false);
    expect(isOverdue(visit(3, 'received', null), today)).toBe(false);
    expect(isOverdue(visit(4, 'done', '2026-11-01'), today)).toBe(false);
  });

  test('come first in the list, longest overdue on top, the rest in their order', () => {
    const list = [visit(1, 'received', null), visit(2, 'scheduled', '2026-11-20'), visit(3, 'scheduled', '2026-11-25'), visit(4, 'scheduled', '2026-11-10')];
    expect(overdueFirst(list, today).map((v) => v.id)).toEqual([4, 2, 1, 3]);
  });
});
