import { describe, expect, test } from 'vitest';
import { campaignFor } from '../../src/domain/campaign-dates.ts';
import {
  bookedPeople,
  capacityProblem,
  checkSite,
  defaultShifts,
  draftProblems,
  parseCoordinate,
  type SessionDraft,
  firstFullNoticeDate,
  sessionStatus,
  shiftProblems,
  shortNotice,
  siteDraftOf,
  sortSessions,
} from '../../src/domain/staff-sessions.ts';

describe('default shifts', () => {
  test('are the directive’s three five-hour shifts with 60 places each', () => {
    expect(defaultShifts()).toEqual([
      { start: '07:00', end: '12:00', capacity: 60 },
      { start: '12:00', end: '17:00', capacity: 60 },
      { start: '17:00', end: '22:00', capacity: 60 },
    ]);
  });

  test('have no problems', () => {
    expect(shiftProblems(defaultShifts())).toEqual([]);
  });
});

describe('shift problems', () => {
  test('name a shift that ends before it starts, overlaps another, or has no places', () => {
    expect(
      shiftProblems([
        { start: '07:00', end: '12:00', capacity: 60 },
        { start: '11:00', end: '13:00', capacity: 60 },
        { start: '18:00', end: '17:00', capacity: 60 },
        { start: '7', end: '12:00', capacity: 0 },
      ]),
    ).toEqual([
      { index: 1, problem: 'shift.overlap' },
      { index: 2, problem: 'shift.order' },
      { index: 3, problem: 'shift.time' },
      { index: 3, problem: 'shift.capacity' },
    ]);
  });
});

describe('the 15-day notice', () => {
  test('warns with the days left when a session is less than 15 days ahead', () => {
    expect(shortNotice('2026-12-10', '2026-12-01')).toBe(9);
    expect(shortNotice('2026-12-15', '2026-12-01')).toBe(14);
  });

  test('does not warn at 15 days or more', () => {
    expect(shortNotice('2026-12-16', '2026-12-01')).toBeNull();
    expect(firstFullNoticeDate('2026-12-25')).toBe('2027-01-09');
  });
});

describe('capacity', () => {
  test('cannot go below the places booked', () => {
    expect(capacityProblem(10, 11)).toBe('capacity.belowBooked');
    expect(capacityProblem(11, 11)).toBeNull();
  });

  test('is a whole number of places between 1 and 5000', () => {
    expect(capacityProblem(0, 0)).toBe('capacity.invalid');
    expect(capacityProblem(2.5, 0)).toBe('capacity.invalid');
    expect(capacityProblem(5001, 0)).toBe('capacity.invalid');
  });
});

describe('sessions', () => {
  test('read cancelled before published or draft', () => {
    expect(sessionStatus({ published: true, cancelled_at: '2026-11-01T00:00:00Z' })).toBe('cancelled');
    expect(sessionStatus({ published: true, cancelled_at: null })).toBe('published');
    expect(sessionStatus({ published: false, cancelled_at: null })).toBe('draft');
  });

  test('count the people booked in all their shifts, the number an officer confirms before a change', () => {
    expect(bookedPeople({ shifts: [{ booked: 2 }, { booked: 0 }, { booked: 5 }] })).toBe(7);
    expect(bookedPeople({ shifts: [] })).toBe(0);
  });

  test('are listed upcoming first, soonest first, then past ones, latest first', () => {
    const sessions = [
      { id: 1, session_date: '2026-11-20' },
      { id: 2, session_date: '2026-12-05' },
      { id: 3, session_date: '2026-12-01' },
      { id: 4, session_date: '2026-11-28' },
      { id: 5, session_date: '2026-12-01' },
    ];
    expect(sortSessions(sessions, '2026-12-01').map((s) => s.id)).toEqual([3, 5, 2, 4, 1]);
  });

  test('belong to the campaign running on their date, else the next one, else the latest', () => {
    const campaigns = [
      { id: 1, starts_on: '2026-01-01', deadline: '2026-06-30' },
      { id: 2, starts_on: '2026-09-01', deadline: '2026-12-31' },
    ];
    expect(campaignFor(campaigns, '2026-10-10')?.id).toBe(2);
    expect(campaignFor(campaigns, '2026-07-10')?.id).toBe(2);
    expect(campaignFor(campaigns, '2027-02-01')?.id).toBe(2);
    expect(campaignFor([], '2027-02-01')).toBeNull();
  });
});

describe('the create-session form', () => {
  const draft: SessionDraft = {
    siteChoice: 'new',
    siteId: '',
    site: { name: 'Nhà văn hóa', kind: 'other', address: '1 Lê Lợi', wardId: '7', lat: '16,4637', lng: '107.59', accessNotes: '' },
    date: '2026-12-20',
    shifts: defaultShifts().map((s) => ({ ...s, capacity: String(s.capacity) })),
  };

  test('accepts a new site in Viet Nam, a future date and the default shifts (a decimal comma too)', () => {
    expect(draftProblems(draft, '2026-12-01', [7])).toEqual([]);
    expect(parseCoordinate('16,4637')).toBe(16.4637);
  });

  test('names each field to fix', () => {
    const bad: SessionDraft = {
      ...draft,
      site: { ...draft.site, name: 'A', kind: '', wardId: '', lat: '50', lng: '' },
      date: '2026-11-30',
      shifts: [{ start: '07:00', end: '12:00', capacity: '' }],
    };
    expect(draftProblems(bad, '2026-12-01', [7]).map((p) => p.field)).toEqual([
      'site-name', 'site-kind', 'site-ward', 'site-lat', 'site-lng', 'date', 'shift-0-capacity',
    ]);
  });

  test('asks for a site when an existing one is to be chosen', () => {
    expect(draftProblems({ ...draft, siteChoice: 'existing' }, '2026-12-01', [7])).toEqual([{ field: 'site', key: 'create.siteRequired' }]);
  });
});

describe('the site form', () => {
  const site = { name: '  Nhà văn hóa tổ 5 ', kind: 'commune_hall', address: '12 Chi Lăng', wardId: '19786', lat: '16,4690', lng: ' 107.5960', accessNotes: '  ' };

  test('gives the row to write: trimmed, a decimal comma read as a point, empty notes as null', () => {
    expect(checkSite(site, [19786, 19787])).toEqual({
      row: { ward_id: 19786, kind: 'commune_hall', name: 'Nhà văn hóa tổ 5', address: '12 Chi Lăng', lat: 16.469, lng: 107.596, access_notes: null },
    });
  });

  test('gives a saved site back unchanged after a round trip through the form', () => {
    const row = { ward_id: 7, kind: 'school' as const, name: 'Trường THCS Nguyễn Tri Phương', address: '1 Lê Lợi', lat: 16.4637, lng: 107.5909, access_notes: 'Vào cổng phụ đường Hà Nội' };
    expect(checkSite(siteDraftOf(row), [7])).toEqual({ row });
  });

  test('refuses a ward outside the officer’s scope as if none were chosen', () => {
    expect(checkSite(site, [1])).toEqual({ problems: [{ field: 'ward', key: 'create.wardRequired' }] });
  });

  test('keeps to the table’s limits: name 3–200, address 3–300, notes up to 500, coordinates inside Viet Nam', () => {
    const fields = (patch: Partial<typeof site>) => {
      const checked = checkSite({ ...site, ...patch }, [19786]);
      return 'problems' in checked ? checked.problems.map((p) => p.field) : [];
    };
    expect(fields({ name: 'ab', address: ' a ', accessNotes: 'x'.repeat(501), lat: '6.99', lng: '118.01' })).toEqual(['name', 'address', 'lat', 'lng', 'notes']);
    expect(fields({ name: 'x'.repeat(201), address: 'x'.repeat(301), lat: 'Huế', lng: '' })).toEqual(['name', 'address', 'lat', 'lng']);
    // Characters as Postgres counts them: 200 Vietnamese letters fit, whatever their UTF-16 length.
    expect(fields({ name: 'ệ'.repeat(200), address: 'x'.repeat(300), accessNotes: 'ở'.repeat(500), lat: '8', lng: '102' })).toEqual([]);
    expect(fields({ lat: '24', lng: '118' })).toEqual([]);
  });

  test('asks for a kind of site from the list', () => {
    expect(checkSite({ ...site, kind: 'market' }, [19786])).toEqual({ problems: [{ field: 'kind', key: 'create.kindRequired' }] });
  });
});
