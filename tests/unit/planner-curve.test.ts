// The progress curve's series: actual intake before today, the plan's places from today, the day
// the quota is reached or the shortfall at the deadline.
import { describe, expect, it } from 'vitest';
import { axisTicks, curveWeeks, progressSeries, type CurveInput } from '../../src/domain/planner/curve.ts';
import { plan } from '../../src/domain/planner/plan.ts';
import { thanhPhoHue2025 } from '../../bench/support/plan-input.ts';

const base: CurveInput = {
  quota: 100,
  startsOn: '2026-03-01',
  deadline: '2026-03-06',
  today: '2026-03-04',
  actual: [
    { date: '2026-03-01', applications: 10 },
    { date: '2026-03-03', applications: 20 },
  ],
  projected: [
    { date: '2026-03-04', places: 30, cumulative: 30 },
    { date: '2026-03-05', places: 0, cumulative: 30 },
    { date: '2026-03-06', places: 40, cumulative: 70 },
  ],
};

describe('progressSeries', () => {
  it('adds the projection from today to the actual intake before it, day by day to the deadline', () => {
    const curve = progressSeries(base);
    expect(curve.points.map(({ date, cumulative, kind }) => [date, cumulative, kind])).toEqual([
      ['2026-03-01', 10, 'actual'],
      ['2026-03-02', 10, 'actual'],
      ['2026-03-03', 30, 'actual'],
      ['2026-03-04', 60, 'projected'],
      ['2026-03-05', 60, 'projected'],
      ['2026-03-06', 100, 'projected'],
    ]);
    expect(curve.taken).toBe(30);
    expect(curve.total).toBe(100);
  });

  it('gives the first day the quota is reached and no shortfall', () => {
    expect(progressSeries(base)).toMatchObject({ reachedOn: '2026-03-06', shortfall: 0 });
    expect(progressSeries({ ...base, quota: 55 })).toMatchObject({ reachedOn: '2026-03-04', shortfall: 0 });
    // Reached before today: by the actual intake alone.
    expect(progressSeries({ ...base, quota: 25 }).reachedOn).toBe('2026-03-03');
  });

  it('says by how much the deadline misses the quota', () => {
    expect(progressSeries({ ...base, quota: 132 })).toMatchObject({ reachedOn: null, shortfall: 32, total: 100 });
  });

  it('leaves today and later to the projection, and counts intake dated before the start on the first day', () => {
    const curve = progressSeries({
      ...base,
      actual: [
        { date: '2026-02-27', applications: 5 },
        { date: '2026-03-04', applications: 999 },
        { date: '2026-03-05', applications: 999 },
      ],
    });
    expect(curve.points[0]).toEqual({ date: '2026-03-01', applications: 5, cumulative: 5, kind: 'actual' });
    expect(curve.taken).toBe(5);
    expect(curve.total).toBe(75);
  });

  it('starts at today when the plan is made before the campaign starts', () => {
    const curve = progressSeries({
      ...base,
      startsOn: '2026-03-05',
      actual: [],
      today: '2026-03-03',
      projected: [
        { date: '2026-03-05', places: 30, cumulative: 30 },
        { date: '2026-03-06', places: 30, cumulative: 60 },
      ],
    });
    expect(curve.points.map((point) => point.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(curve.points.every((point) => point.kind === 'projected')).toBe(true);
    expect(curve).toMatchObject({ taken: 0, total: 60, shortfall: 40, reachedOn: null });
  });

  it('ends at the deadline with the plan’s own total on a real plan', () => {
    const today = '2026-06-01';
    const input = thanhPhoHue2025({ today, startsOn: today, days: 30, people: 1500, machines: 6, teams: 18 });
    const output = plan(input);
    const curve = progressSeries({ quota: input.quota, startsOn: input.startsOn, deadline: input.deadline, today, projected: output.curve, actual: [] });
    expect(curve.points.at(-1)?.date).toBe(input.deadline);
    expect(curve.total).toBe(output.totals.planned);
    expect(curve.reachedOn !== null).toBe(output.totals.met);
  });
});

describe('curveWeeks', () => {
  it('sums up to seven days a row and cuts the week where the projection starts', () => {
    const curve = progressSeries({
      ...base,
      deadline: '2026-03-20',
      today: '2026-03-04',
      projected: [
        { date: '2026-03-04', places: 30, cumulative: 30 },
        { date: '2026-03-11', places: 7, cumulative: 37 },
        { date: '2026-03-20', places: 1, cumulative: 38 },
      ],
    });
    expect(curveWeeks(curve.points)).toEqual([
      { from: '2026-03-01', to: '2026-03-03', applications: 30, cumulative: 30, kind: 'actual' },
      { from: '2026-03-04', to: '2026-03-10', applications: 30, cumulative: 60, kind: 'projected' },
      { from: '2026-03-11', to: '2026-03-17', applications: 7, cumulative: 67, kind: 'projected' },
      { from: '2026-03-18', to: '2026-03-20', applications: 1, cumulative: 68, kind: 'projected' },
    ]);
  });
});

describe('axisTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten from 0 to at least the top, at most five ticks', () => {
    expect(axisTicks(732_000)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
