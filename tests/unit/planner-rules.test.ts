import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm, isNear, NEAR_KM } from '../../src/domain/near.ts';
import { dayPlaces, noticeEnd, planningDays, sitePeople, withinNotice } from '../../src/domain/planner/rules.ts';
import { planInput } from '../../src/domain/planner/schema.ts';

const base = { lat: 16.4637, lng: 107.5909 };
const north = (km: number) => ({ lat: base.lat + km / 111.195, lng: base.lng });

describe('near and far', () => {
  it('uses the citizen-side shift hint’s 3 km (search_sessions)', () => {
    const sql = readFileSync(new URL('../../supabase/schemas/08_search.sql', import.meta.url), 'utf8');
    expect(/d\.distance <= ([0-9.]+)/.exec(sql)?.[1]).toBe(String(NEAR_KM));
  });

  it('measures great-circle kilometres and calls a site near up to 3 km', () => {
    expect(distanceKm(base, north(10))).toBeCloseTo(10, 2);
    expect(isNear(north(2.9), base)).toBe(true);
    expect(isNear(north(3.1), base)).toBe(false);
  });
});

describe('the 15-day notice', () => {
  it('keeps today to today + 14 and plans from today + 15', () => {
    expect(noticeEnd('2021-03-01')).toBe('2021-03-16');
    expect(withinNotice('2021-03-01', '2021-03-01')).toBe(true);
    expect(withinNotice('2021-03-15', '2021-03-01')).toBe(true);
    expect(withinNotice('2021-03-16', '2021-03-01')).toBe(false);
    expect(withinNotice('2021-02-28', '2021-03-01')).toBe(false);
  });

  it('plans the days from the later of the start and the notice’s end to the deadline, days off left out', () => {
    const days = planningDays({ today: '2021-03-01', startsOn: '2021-03-05', deadline: '2021-03-20', daysOff: ['2021-03-18'] });
    expect(days).toEqual(['2021-03-16', '2021-03-17', '2021-03-19', '2021-03-20']);
    expect(planningDays({ today: '2021-01-01', startsOn: '2021-03-05', deadline: '2021-03-06', daysOff: [] })).toEqual(['2021-03-05', '2021-03-06']);
  });
});

describe('the input', () => {
  it('refuses a deadline before the start or already past', () => {
    const dates = (today: string, startsOn: string, deadline: string) =>
      planInput.safeParse({ today, startsOn, deadline, quota: 1, units: [], sites: [], machines: [], teams: [] }).success;
    expect(dates('2021-03-01', '2021-03-01', '2021-03-01')).toBe(true);
    expect(dates('2021-03-01', '2021-03-05', '2021-03-04')).toBe(false);
    expect(dates('2021-03-06', '2021-03-01', '2021-03-05')).toBe(false);
  });
});

describe('people and places per site', () => {
  const input = planInput.parse({
    today: '2021-03-01', startsOn: '2021-03-01', deadline: '2021-04-01', quota: 1000,
    units: [{ code: '474', people: 1001 }],
    sites: [
      { id: 'school', unitCode: '474', ...base, places: [100, 80, 0], people: 201 },
      { id: 'a', unitCode: '474', ...north(1), places: [90, 80, 100] },
      { id: 'b', unitCode: '474', ...north(20), places: [90, 80, 100] },
    ],
    machines: [], teams: [{ id: 't', base, places: 120 }],
  });

  it('gives a listed site its list and shares the rest of the unit’s people', () => {
    expect(Object.fromEntries(sitePeople(input))).toEqual({ school: 201, a: 400, b: 400 });
  });

  it('counts the evening in a site’s places a day only where a team’s base is near', () => {
    const [, near, far] = input.sites;
    expect(dayPlaces(near!, input.teams)).toBe(270);
    expect(dayPlaces(far!, input.teams)).toBe(170);
  });
});
