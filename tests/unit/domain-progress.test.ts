import { describe, expect, it } from 'vitest';
import {
  barChart,
  defaultChartLayout,
  formatPercent,
  judgePace,
  parseCampaignProgress,
  timeElapsedPercent,
  type CampaignProgress,
  type UnitProgress,
} from '../../src/domain/progress.ts';

const unit = (code: string, percent: number | null): UnitProgress => ({
  code,
  name: `Unit ${code}`,
  kind: 'district',
  quota: percent === null ? null : 1000,
  intake: percent === null ? 0 : percent * 10,
  today: 0,
  percent,
  rate_needed: percent === null ? null : 10,
});

// Thừa Thiên Huế as its directive describes it: 22 days in, 69 days left, at 35% of 6,600 a day.
const hue: CampaignProgress = {
  slug: 'thua-thien-hue-2021',
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
  units: [unit('474', 7.1), unit('476', null)],
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

describe('the share of the campaign’s time gone by', () => {
  it('is the days elapsed over all the days of the campaign', () => {
    expect(timeElapsedPercent({ days_elapsed: 22, days_left: 69 })).toBeCloseTo(24.18, 2);
  });

  it('is all of it when no days are left', () => {
    expect(timeElapsedPercent({ days_elapsed: 0, days_left: 0 })).toBe(100);
  });
});

describe('drawing the bar chart', () => {
  const track = defaultChartLayout.width - defaultChartLayout.valueWidth;

  it('gives each unit a row, with bars proportional to its percentage of the track', () => {
    const chart = barChart([unit('1', 50), unit('2', 25)], 10);
    expect(chart.rows.map((row) => row.barWidth)).toEqual([track / 2, track / 4]);
    expect(chart.rows[1]!.barY - chart.rows[0]!.barY).toBe(defaultChartLayout.rowHeight);
    expect(chart.height).toBe(2 * defaultChartLayout.rowHeight + defaultChartLayout.footer);
  });

  it('caps a unit past its quota at the full track, its value still inside the drawing', () => {
    const [row] = barChart([unit('1', 140)], 10).rows;
    expect(row!.barWidth).toBe(track);
    expect(row!.valueX).toBeLessThan(defaultChartLayout.width);
  });

  it('draws no bar for a unit without a quota', () => {
    expect(barChart([unit('1', null)], 10).rows[0]!.barWidth).toBe(0);
  });

  it('places the time marker at the elapsed share, its label kept inside at either end', () => {
    expect(barChart([unit('1', 10)], 50).marker).toMatchObject({ x: track / 2, anchor: 'middle' });
    expect(barChart([unit('1', 10)], 5).marker.anchor).toBe('start');
    expect(barChart([unit('1', 10)], 95).marker.anchor).toBe('end');
  });
});
