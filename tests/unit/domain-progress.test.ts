import { describe, expect, it } from 'vitest';
import { judgePace, paceMessage, timeElapsedPercent } from '../../src/domain/pace.ts';
import { formatPercent, parseCampaignProgress, type CampaignProgress, type UnitProgress } from '../../src/domain/progress.ts';
import { barShare, leaders, rankedCount, unitKind, unitsAtRisk } from '../../src/domain/ranking.ts';

const unit = (code: string, percent: number | null, rank: number | null = null, at_risk = false): UnitProgress => ({
  code,
  name: `Unit ${code}`,
  name_en: null,
  kind: 'district',
  quota: percent === null ? null : 1000,
  intake: percent === null ? 0 : percent * 10,
  today: 0,
  recent_intake: 70,
  recent_average: 10,
  percent,
  rate_needed: percent === null ? null : 10,
  rank,
  at_risk,
});

// Thừa Thiên Huế as its directive describes it: 22 days in, 69 days left, at 35% of 6,600 a day.
const hue: CampaignProgress = {
  slug: 'thua-thien-hue-2021',
  demonstration: false,
  quota: 732000,
  daily_target: 6600,
  starts_on: '2026-11-01',
  deadline: '2027-01-30',
  today: '2026-11-23',
  intake: 50820,
  remaining: 681180,
  percent: 6.9,
  days_left: 69,
  days_elapsed: 22,
  average_daily: 2310,
  rate_needed: 9873,
  booked_upcoming: 120,
  recent_days: 7,
  recent_intake: 16170,
  recent_average: 2310,
  units: [unit('474', 7.1, 1, true), unit('476', null)],
  as_of: '2026-11-20T08:15:00.123456+00:00',
};

describe('reading the campaign_progress payload', () => {
  it('accepts the payload the database function returns', () => {
    expect(parseCampaignProgress(JSON.parse(JSON.stringify(hue)))).toEqual(hue);
  });

  it('refuses a payload without the figures the page shows', () => {
    const { quota: _quota, ...withoutQuota } = hue;
    expect(() => parseCampaignProgress(withoutQuota)).toThrow();
    expect(() => parseCampaignProgress(null)).toThrow();
  });
});

describe('formatting a percentage', () => {
  it.each([
    ['vi', 35.2, '35,2%'],
    ['en', 35.2, '35.2%'],
    ['en', 100, '100%'],
    ['vi', 6.94, '6,9%'],
  ])('writes %s %d as %s', (locale, value, expected) => {
    expect(formatPercent(locale, value)).toBe(expected);
  });
});

describe('judging the pace', () => {
  it('says a campaign that keeps too slow a pace is behind, with the share it reaches by the deadline', () => {
    // 50,820 + 2,310 × 69 = 210,210 of 732,000: 28.7%.
    expect(judgePace(hue)).toEqual({ status: 'behind', projectedPercent: 28.7 });
  });

  it('says a campaign whose average meets the rate needed is on track', () => {
    expect(judgePace({ ...hue, average_daily: 9873 })).toEqual({ status: 'on_track' });
  });

  it('says a campaign that reached its quota is done, even before the deadline', () => {
    expect(judgePace({ ...hue, intake: 732000, remaining: 0, percent: 100, rate_needed: 0 })).toEqual({ status: 'done' });
  });

  it('says a campaign past its deadline short of the quota has ended, with the share reached', () => {
    expect(judgePace({ ...hue, days_left: 0, rate_needed: null })).toEqual({ status: 'ended', percent: 6.9 });
  });

  it('does not judge a campaign on its first day, before any intake is counted', () => {
    expect(judgePace({ ...hue, intake: 0, remaining: 732000, percent: 0, days_elapsed: 0, average_daily: null })).toEqual({
      status: 'no_data',
    });
  });
});

describe('saying the judgement of the pace', () => {
  const percent = (value: number) => `${value} %`;

  it('names the key of each judgement, with the share it reaches where it has one', () => {
    expect(paceMessage({ status: 'behind', projectedPercent: 28.7 }, percent)).toEqual({ key: 'pace.behind', values: { percent: '28.7 %' } });
    expect(paceMessage({ status: 'ended', percent: 6.9 }, percent)).toEqual({ key: 'pace.ended', values: { percent: '6.9 %' } });
    expect([{ status: 'done' }, { status: 'no_data' }, { status: 'on_track' }].map((pace) => paceMessage(pace as never, percent).key)).toEqual([
      'pace.done',
      'pace.noData',
      'pace.onTrack',
    ]);
  });
});

describe('the share of the campaign’s time gone by', () => {
  it('is the days elapsed over all the days of the campaign', () => {
    expect(timeElapsedPercent({ days_elapsed: 22, days_left: 69 })).toBeCloseTo(24.18, 2);
  });

  it('is all of it when no days are left', () => {
    expect(timeElapsedPercent({ days_elapsed: 0, days_left: 0 })).toBe(100);
  });
});

describe('the ranking at a glance', () => {
  const ranking = [unit('1', 40, 1), unit('2', 30, 2), unit('3', 30, 2, true), unit('4', 20, 4), unit('5', 10, 5, true), unit('6', null)];

  it('leads with the first three places, all the units that share them', () => {
    expect(leaders(ranking).map((u) => u.code)).toEqual(['1', '2', '3']);
    expect(leaders([unit('1', 40, 1), unit('2', 40, 1), unit('3', 40, 1), unit('4', 30, 4)]).map((u) => u.code)).toEqual(['1', '2', '3']);
    expect(leaders([unit('1', 40, 1), unit('2', 30, 2), unit('3', 20, 3), unit('4', 20, 3)]).map((u) => u.code)).toEqual(['1', '2', '3', '4']);
  });

  it('names no leader before any unit has taken an application', () => {
    expect(leaders([unit('1', 0, 1), unit('2', 0, 1)])).toEqual([]);
  });

  it('lists the units at risk in their ranking order, and counts only units with a quota as ranked', () => {
    expect(unitsAtRisk(ranking).map((u) => u.code)).toEqual(['3', '5']);
    expect(rankedCount(ranking)).toBe(5);
  });

  it('draws a bar as the share of the quota, full and no more past it, empty without a quota', () => {
    expect([barShare(38.5), barShare(140), barShare(null), barShare(0)]).toEqual([38.5, 100, 0, 0]);
  });

  it('calls the units under the province districts in the 2021 set and communes in the 2025 set', () => {
    expect([unitKind('2021'), unitKind('2025')]).toEqual(['districts', 'communes']);
  });
});
