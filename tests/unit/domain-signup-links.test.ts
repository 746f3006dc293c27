import { describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { joinRequestSchemaFor } from '../../src/domain/join-request.ts';
import {
  closingInstant,
  coordinatorUrl,
  joinUrl,
  needsGuardianConsent,
  organisationRequestSchema,
  toOrganisationRequestArgs,
  signupLinkSchema,
  signupLinkSchemaFor,
  toCreateLinkArgs,
  tokenFrom,
} from '../../src/domain/signup-links.ts';
import { countLinkRoster, linkRosterCsv, matchesLinkSearch, type LinkRoster, type LinkRosterEntry } from '../../src/domain/link-roster.ts';

const sessionDate = '2026-12-01';
const student = (birth: string, extra: Record<string, unknown> = {}) => ({
  shift_id: '7',
  person: { full_name: 'Nguyễn Văn An', birth_date: birth, id_number: '', application_kind: 'first_issue' },
  org_group: ' 12A3 ',
  phone: '+84 912 345 678',
  guardian_consent: false,
  messages: null,
  consent: 'law-91-2025',
  ...extra,
});
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe('joining through a link', () => {
  const school = joinRequestSchemaFor({ org_kind: 'school', min_age: 14, session: { date: sessionDate } });
  const enterprise = joinRequestSchemaFor({ org_kind: 'enterprise', min_age: 14, session: { date: sessionDate } });

  it('asks a student under 18 today for a guardian’s consent, even one who is 18 by the session', () => {
    const today = todayInVietnam();
    const session = addDays(today, 10);
    const eighteenIn3Days = `${Number(today.slice(0, 4)) - 18}${addDays(today, 3).slice(4)}`;
    const laterSchool = joinRequestSchemaFor({ org_kind: 'school', min_age: 14, session: { date: session } });
    expect(needsGuardianConsent('school', eighteenIn3Days)).toBe(true);
    expect(messages(laterSchool.safeParse(student(eighteenIn3Days)))).toEqual(['join:guardian.required']);
    expect(needsGuardianConsent('school', `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`)).toBe(false);
  });

  it('takes a minor’s sign-up once the guardian’s box is ticked, and asks nothing of an adult', () => {
    expect(school.safeParse(student('2010-12-02', { guardian_consent: true })).success).toBe(true);
    expect(school.safeParse(student('2000-01-01')).success).toBe(true);
  });

  it('asks no guardian of an employee, and refuses anyone under the campaign’s age', () => {
    expect(enterprise.safeParse(student('2010-12-02')).success).toBe(true);
    expect(messages(enterprise.safeParse(student('2013-01-01')))).toEqual(['booking:birthDate.tooYoung']);
    expect(needsGuardianConsent('enterprise', '2010-12-02')).toBe(false);
  });

  it('normalises the phone and the class, and names the missing class by kind', () => {
    const parsed = school.parse(student('2000-01-01'));
    expect(parsed).toMatchObject({ shift_id: 7, phone: '0912345678', org_group: '12A3' });
    expect(messages(enterprise.safeParse(student('2000-01-01', { org_group: ' ' })))).toEqual(['join:group.required.enterprise']);
  });
});

describe('organisation requests', () => {
  const today = todayInVietnam();
  const request = (extra: Record<string, unknown> = {}) => ({
    kind: 'school', name: 'Trường THPT Nguyễn Huệ', ward: '19786', address: '23 Lê Lợi', expected_people: '320',
    contact_name: 'Cô Lan', contact_phone: '0912 345 678', contact_email: '', preferred_from: addDays(today, 3), preferred_to: addDays(today, 10), notes: '',
    consent: 'law-91-2025', campaign: 'thua-thien-hue-2021', ...extra,
  });

  it('accepts a request with an empty e-mail and turns the numbers into numbers', () => {
    expect(organisationRequestSchema.parse(request())).toMatchObject({ expected_people: 320, contact_phone: '0912345678', contact_email: '' });
  });

  it('becomes the arguments of request_organisation_session, with the campaign and the consent text agreed to', () => {
    expect(toOrganisationRequestArgs(organisationRequestSchema.parse(request()))).toMatchObject({ p_campaign: 'thua-thien-hue-2021', p_consent: 'law-91-2025', p_ward: '19786' });
  });

  it('asks for consent: the box unticked is an empty text id', () => {
    expect(messages(organisationRequestSchema.safeParse(request({ consent: '' })))).toEqual(['organisations:consent.required']);
  });

  it('refuses dates in the wrong order or more than six months apart, and a past start', () => {
    expect(messages(organisationRequestSchema.safeParse(request({ preferred_to: addDays(today, 2) })))).toEqual(['organisations:dates.to']);
    expect(messages(organisationRequestSchema.safeParse(request({ preferred_to: addDays(today, 200) })))).toEqual(['organisations:dates.to']);
    expect(messages(organisationRequestSchema.safeParse(request({ preferred_from: addDays(today, -1) })))).toContain('organisations:dates.from');
  });
});

describe('sign-up links', () => {
  it('close by the session’s day at the latest, at the end of the day in Viet Nam', () => {
    const today = todayInVietnam();
    const link = { session_id: '3', org_name: 'Trường THPT', org_kind: 'school', places: '40', closes_on: addDays(today, 5), coordinator_phone: '', coordinator_agreed: false };
    expect(signupLinkSchemaFor(addDays(today, 5)).safeParse(link).success).toBe(true);
    expect(messages(signupLinkSchemaFor(addDays(today, 4)).safeParse(link))).toEqual(['staffLinks:closesOn.afterSession']);
    expect(closingInstant('2026-12-01')).toBe('2026-12-01T16:59:00.000Z');
  });

  it('take the coordinator\'s mobile only with their agreement, and write to them in the page\'s language', () => {
    const link = { session_id: '3', org_name: 'Trường THPT', org_kind: 'school', places: '40', closes_on: todayInVietnam() };
    const parse = (coordinator_phone: string, coordinator_agreed: boolean) => signupLinkSchema.safeParse({ ...link, coordinator_phone, coordinator_agreed });
    const agreed = parse(' +84 91 234 5678 ', true);
    expect(agreed.success && toCreateLinkArgs(agreed.data, 'en').p_coordinator).toEqual({ phone: '0912345678', lang: 'en' });
    const none = parse('', false);
    expect(none.success && toCreateLinkArgs(none.data, 'vi').p_coordinator).toBeNull();
    expect(messages(parse('0912345678', false))).toEqual(['staffLinks:coordinator.agreeRequired']);
    expect(messages(parse('', true))).toEqual(['staffLinks:coordinator.phoneRequired']);
    expect(messages(parse('0212345678', true))).toEqual(['staffLinks:coordinator.phoneInvalid']);
  });

  it('carry the share token in the query and the coordinator’s token in the fragment', () => {
    const token = 'AbC_-0123456789abcdefgh';
    expect(joinUrl('https://cccd.example.gov.vn', 'vi', token)).toBe(`https://cccd.example.gov.vn/vi/join/?t=${token}`);
    expect(coordinatorUrl('https://cccd.example.gov.vn', 'en', token)).toBe(`https://cccd.example.gov.vn/en/join/coordinator/#t=${token}`);
    expect(tokenFrom(`?t=${token}`)).toBe(token);
    expect(tokenFrom(`#t=${token}`)).toBe(token);
    expect(tokenFrom('#t=short')).toBeNull();
  });
});

describe('the roster of a link', () => {
  const entry = (over: Partial<LinkRosterEntry>): LinkRosterEntry => ({
    code: 'K7M29QX4T', queue_no: 1, status: 'confirmed', full_name: 'Nguyễn Thị Đào', birth_date: '2008-05-02', org_group: '12A3',
    shift: { id: 1, starts_at: '2026-12-01T00:00:00Z', ends_at: '2026-12-01T05:00:00Z' }, ...over,
  });
  const roster: LinkRoster = {
    link: { id: 1, org_name: 'Trường', org_kind: 'school', places: 3, places_left: 1, status: 'active', state: 'open', closes_at: '' },
    session: { date: '2026-12-01', site_name: '', address: '' },
    entries: [entry({}), entry({ code: 'A', queue_no: 2, status: 'cancelled', full_name: 'Lê Văn Bình' }), entry({ code: 'B', queue_no: 3, status: 'served', org_group: '11B1' })],
  };

  it('counts places taken without the removed entries', () => {
    expect(countLinkRoster(roster)).toEqual({ signedUp: 2, checkedIn: 0, served: 1, cancelled: 1, placesLeft: 1 });
  });

  it('takes the places left from the database, where public bookings in the session’s shifts count too', () => {
    expect(countLinkRoster({ ...roster, link: { ...roster.link, places_left: 0, state: 'full' } }).placesLeft).toBe(0);
  });

  it('finds people by name without tone marks, or by class', () => {
    expect(matchesLinkSearch(roster.entries[0]!, 'dao')).toBe(true);
    expect(matchesLinkSearch(roster.entries[2]!, '11b')).toBe(true);
    expect(matchesLinkSearch(roster.entries[0]!, '11b')).toBe(false);
  });

  it('exports a CSV with a byte order mark and without removed entries', () => {
    const csv = linkRosterCsv(roster.entries, {
      headers: { queueNo: 'STT', fullName: 'Họ tên', group: 'Lớp', birthDate: 'Ngày sinh', shift: 'Ca', status: 'Trạng thái', code: 'Mã' },
      status: (status) => status,
      shift: () => '07:00–12:00',
    });
    expect(csv.startsWith('\uFEFFSTT,Họ tên,Lớp')).toBe(true);
    expect(csv).toContain('1,Nguyễn Thị Đào,12A3,2008-05-02,07:00–12:00,confirmed,K7M29QX4T\r\n');
    expect(csv).not.toContain('Lê Văn Bình');
  });
});
