// The planner's setup form read into staff_save_plan_setup's payload (src/domain/planner/setup-form.ts):
// typed text to numbers and dates, each bad box named, a base only inside Viet Nam's box.
import { describe, expect, it } from 'vitest';
import { fieldIds, readSetup, type TypedSetup } from '../../src/domain/planner/setup-form.ts';

const typed = (lat: string, lng = '109,5649'): TypedSetup => ({
  shiftsPerDay: '2',
  daysOff: '2027-01-01, 2026-12-31',
  machines: [{ key: 'm1', label: 'Máy 1' }],
  teams: [{ key: 't1', name: 'Tổ Trường Sa', baseName: 'Công an đặc khu Trường Sa', lat, lng, places: '80', daysOff: '' }],
  sites: [{ siteId: 7, places: ['60', '60', '0'], people: '', dates: '' }],
});

describe('the planner setup form', () => {
  it('reads the boxes into the payload, a comma as decimal point, dates sorted', () => {
    const read = readSetup(typed('7,44217'));
    expect(read).toMatchObject({
      payload: {
        team_shifts_per_day: 2,
        days_off: ['2026-12-31', '2027-01-01'],
        machines: [{ label: 'Máy 1' }],
        teams: [{ name: 'Tổ Trường Sa', base_lat: 7.44217, base_lng: 109.5649, places_per_shift: 80, days_off: [] }],
        sites: [{ site_id: 7, places: [60, 60, 0] }],
      },
    });
  });

  it('refuses a base outside Viet Nam, at the box that is wrong', () => {
    const read = readSetup(typed('6.9', '118.5'));
    expect('problems' in read ? read.problems.map((problem) => problem.field) : []).toEqual([fieldIds.team('t1', 'lat'), fieldIds.team('t1', 'lng')]);
  });
});
