// From staff_planner's answer to the planner's input and back (src/domain/planner-store.ts): the
// people still to take in, the published sessions kept (within the notice) and locked (after it),
// the officer's locks; a plan made from it passes the independent checker; the plan goes back to
// staff_save_plan without the published sessions.
import { describe, expect, it } from 'vitest';
import { parse } from 'zod/mini';
import { addDays } from '../../src/domain/dates.ts';
import { plan } from '../../src/domain/planner/plan.ts';
import { NOTICE_DAYS } from '../../src/domain/planner/rules.ts';
import { planInput } from '../../src/domain/planner/schema.ts';
import { inputFromStore, plannerAnswerSchema, sessionsForStore, type PlannerAnswer } from '../../src/domain/planner-store.ts';
import { checkPlan } from '../support/plan-checker.ts';

const today = '2026-12-05';
const afterNotice = addDays(today, NOTICE_DAYS);

// Thành phố Huế's districts on the 2021 units as the demo has them: two units, four sites, two
// machines and six teams based at the police stations, a session published within the notice (made
// by hand: no machine or team), one the plan published after it, and a locked draft session.
const hue = { lat: 16.4637, lng: 107.5909 };
const huongThuy = { lat: 16.4, lng: 107.69 };
const answer: PlannerAnswer = parse(plannerAnswerSchema, {
  ok: true,
  campaign: {
    id: 1, slug: 'thua-thien-hue-2021', name_vi: 'Chiến dịch', name_en: 'Campaign', unit_set: '2021', quota: 20000, daily_target: 600,
    starts_on: addDays(today, -22), deadline: addDays(today, 45),
    shift_plan: [{ start: '07:00', end: '12:00', capacity: 60 }, { start: '12:00', end: '17:00', capacity: 60 }, { start: '17:00', end: '22:00', capacity: 60 }],
  },
  today,
  units: [
    { id: 10, code: '474', name: 'Thành phố Huế', name_en: null, level: 2, quota: 15000, people: 16000, taken: 6000 },
    { id: 11, code: '479', name: 'Thị xã Hương Thủy', name_en: null, level: 2, quota: 5000, people: null, taken: 2500 },
    { id: 12, code: '481', name: 'Huyện A Lưới', name_en: null, level: 2, quota: null, people: null, taken: 0 },
  ],
  sites: [
    { id: 101, ward_id: 1, unit_code: '474', kind: 'police_station', name: 'Công an phường Phú Hội', ...hue, places: [90, 80, 100], people: null, dates: null, configured: true, closed: [] },
    { id: 102, ward_id: 2, unit_code: '474', kind: 'commune_hall', name: 'Hội trường Tây Lộc', lat: hue.lat + 0.02, lng: hue.lng - 0.01, places: [60, 60, 60], people: null, dates: null, configured: false, closed: [] },
    { id: 103, ward_id: 3, unit_code: '474', kind: 'school', name: 'Trường THPT Hai Bà Trưng', lat: hue.lat - 0.003, lng: hue.lng + 0.01, places: [100, 80, 0], people: 900, dates: [addDays(afterNotice, 3), addDays(afterNotice, 4)], configured: true, closed: [] },
    { id: 104, ward_id: 4, unit_code: '479', kind: 'police_station', name: 'Công an phường Phú Bài', ...huongThuy, places: [90, 80, 100], people: null, dates: null, configured: true, closed: [] },
  ],
  machines: [{ id: 1, label: 'Máy 1' }, { id: 2, label: 'Máy 2' }],
  teams: [1, 2, 3, 4, 5, 6].map((id) => ({
    id, name: `Tổ ${id}`, base_name: id <= 3 ? 'Công an phường Phú Hội' : 'Công an phường Phú Bài',
    base_lat: (id <= 3 ? hue : huongThuy).lat, base_lng: (id <= 3 ? hue : huongThuy).lng, places_per_shift: 100, days_off: id === 2 ? [addDays(afterNotice, 1)] : [],
  })),
  settings: { team_shifts_per_day: 1, days_off: [addDays(afterNotice, 10)] },
  published: [
    { session_id: 900, site_id: 101, date: addDays(today, 2), machine_id: null, published: true, shifts: [{ shift: 1, places: 90, booked: 12, team_id: null }, { shift: 3, places: 100, booked: 40, team_id: null }] },
    { session_id: 901, site_id: 104, date: afterNotice, machine_id: 2, published: true, shifts: [{ shift: 1, places: 80, booked: 0, team_id: 4 }, { shift: 3, places: 90, booked: 0, team_id: 5 }] },
  ],
  draft: [
    { date: addDays(afterNotice, 2), site_id: 102, machine_id: 1, locked: true, shifts: [{ shift: 1, team_id: 1, places: 60 }] },
    { date: addDays(today, 5), site_id: 102, machine_id: 1, locked: true, shifts: [{ shift: 1, team_id: 1, places: 60 }] },
    { date: addDays(afterNotice, 5), site_id: 101, machine_id: 2, locked: false, shifts: [{ shift: 2, team_id: 3, places: 80 }] },
  ],
  actual: [{ date: addDays(today, -2), applications: 4000 }, { date: addDays(today, -1), applications: 4500 }],
});

describe('inputFromStore', () => {
  const input = parse(planInput, inputFromStore(answer, today));

  it('takes the quota and each unit’s people still to take in: the survey’s, else the quota, less what was taken', () => {
    expect(input.quota).toBe(20000 - 8500);
    expect(input.units).toEqual([{ code: '474', people: 10000 }, { code: '479', people: 2500 }, { code: '481', people: 0 }]);
    expect(input).toMatchObject({ today, startsOn: answer.campaign.starts_on, deadline: answer.campaign.deadline, teamShiftsPerDay: 1, daysOff: [addDays(afterNotice, 10)] });
    expect(input.sites.find((site) => site.id === '103')).toEqual({
      id: '103', unitCode: '474', lat: hue.lat - 0.003, lng: hue.lng + 0.01, places: [100, 80, 0], people: 900, dates: [addDays(afterNotice, 3), addDays(afterNotice, 4)],
    });
    expect(input.teams[1]).toEqual({ id: '2', base: hue, places: 100, daysOff: [addDays(afterNotice, 1)] });
  });

  it('keeps every published session, locks those after the notice, and the officer’s locks after it', () => {
    expect(input.published.map((session) => [session.date, session.siteId, session.machineId])).toEqual([[addDays(today, 2), '101', undefined], [afterNotice, '104', '2']]);
    expect(input.locked).toEqual([
      { date: afterNotice, siteId: '104', machineId: '2', shifts: [{ shift: 1, places: 80, teamId: '4' }, { shift: 3, places: 90, teamId: '5' }] },
      { date: addDays(afterNotice, 2), siteId: '102', machineId: '1', shifts: [{ shift: 1, places: 60, teamId: '1' }] },
    ]);
  });

  it('gives a plan the independent checker accepts, and that meets the quota', () => {
    const output = plan(input);
    expect(checkPlan(input, output).violations).toEqual([]);
    expect(output.totals.met).toBe(true);
    const kept = output.sessions.filter((session) => session.source !== 'planned').map((session) => [session.date, session.siteId, session.source]);
    expect(kept).toEqual(expect.arrayContaining([[addDays(today, 2), '101', 'published'], [afterNotice, '104', 'locked'], [addDays(afterNotice, 2), '102', 'locked']]));
  });
});

describe('sessions that exist outside the plan', () => {
  it('keeps a console draft as it is and plans no session where a site has another campaign’s', () => {
    const later = addDays(afterNotice, 1);
    const withOthers: PlannerAnswer = {
      ...answer,
      published: [
        ...answer.published,
        { session_id: 902, site_id: 102, date: later, machine_id: null, published: false, shifts: [{ shift: 1, places: 30, booked: 0, team_id: null }] },
      ],
      sites: answer.sites.map((site) => (site.id === 101 ? { ...site, closed: [later] } : site)),
    };
    const input = parse(planInput, inputFromStore(withOthers, today));
    expect(input.sites.find((site) => site.id === '101')?.closedOn).toEqual([later]);
    const output = plan(input);
    expect(checkPlan(input, output).violations).toEqual([]);
    const onLater = output.sessions.filter((session) => session.date === later);
    expect(onLater.filter((session) => session.siteId === '102')).toEqual([expect.objectContaining({ source: 'locked', shifts: [{ shift: 1, places: 30 }] })]);
    expect(onLater.some((session) => session.siteId === '101')).toBe(false);
    // Never sent back as the plan's: publishing it is the console's step.
    expect(sessionsForStore(output.sessions, withOthers.published).some((session) => session.date === later && session.site_id === 102)).toBe(false);
  });
});

describe('sessionsForStore', () => {
  it('saves the plan without its published sessions, the locks marked, ids as numbers', () => {
    const input = parse(planInput, inputFromStore(answer, today));
    const output = plan(input);
    const stored = sessionsForStore(output.sessions, answer.published);
    expect(stored.some((session) => session.date === afterNotice && session.site_id === 104)).toBe(false);
    expect(stored.some((session) => session.date === addDays(today, 2))).toBe(false);
    expect(stored.filter((session) => session.locked)).toEqual([answer.draft[0]]);
    expect(stored).toHaveLength(output.sessions.filter((session) => session.source === 'planned').length + 1);
    // Back through the answer: the same plan's input again.
    const again = inputFromStore({ ...answer, draft: stored.map((session) => ({ ...session, locked: true })) }, today);
    expect(again.locked).toHaveLength(stored.length + 1);
  });
});
