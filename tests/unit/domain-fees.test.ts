import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import schedulesJson from '../../src/content/fees/schedules.json';
import { feeAmount, feeScheduleSchema, scheduleInForce, schedulesByDate, type FeeSchedule } from '../../src/domain/fees.ts';

// The real data, checked with the schema the content collection uses.
const schedules: FeeSchedule[] = z.array(feeScheduleSchema).parse(schedulesJson);

function amountOn(date: string, kind: Parameters<typeof feeAmount>[1], channel?: 'in_person' | 'online') {
  const schedule = scheduleInForce(schedules, date, channel);
  return schedule ? feeAmount(schedule, kind) : null;
}

describe('the fee schedule in force', () => {
  it('is Circular 59/2019 at its full rate before the 2021 halving', () => {
    expect(scheduleInForce(schedules, '2020-06-01')?.id).toBe('tt59-2019');
    expect(amountOn('2020-06-01', 'conversion')).toBe(30_000);
    expect(amountOn('2020-06-01', 'change')).toBe(50_000);
    expect(amountOn('2020-06-01', 'reissue')).toBe(70_000);
  });

  it('is halved by Circular 112/2020 during the campaign of the first half of 2021', () => {
    expect(scheduleInForce(schedules, '2021-04-15')?.id).toBe('tt112-2020');
    expect(amountOn('2021-01-01', 'conversion')).toBe(15_000);
    expect(amountOn('2021-06-30', 'change')).toBe(25_000);
  });

  it('goes back to the full rate of Circular 59/2019 in 2022', () => {
    expect(scheduleInForce(schedules, '2022-01-01')?.id).toBe('tt59-2019');
  });

  it('is the half rate of Circular 73/2024 from 21 October to 31 December 2024', () => {
    expect(scheduleInForce(schedules, '2024-10-21')?.id).toBe('tt73-2024-half');
    expect(amountOn('2024-12-31', 'conversion')).toBe(15_000);
    expect(scheduleInForce(schedules, '2024-10-20')?.id).toBe('tt59-2019');
  });

  it('halves the fee for online applications only in early 2025', () => {
    expect(amountOn('2025-03-01', 'change', 'in_person')).toBe(50_000);
    expect(amountOn('2025-03-01', 'change', 'online')).toBe(25_000);
  });

  it('halves every application from 1 July to 31 December 2025', () => {
    expect(amountOn('2025-08-01', 'reissue', 'in_person')).toBe(35_000);
    expect(amountOn('2025-08-01', 'reissue', 'online')).toBe(35_000);
  });

  it('is the full rate of Circular 73/2024 from 2026', () => {
    expect(scheduleInForce(schedules, '2026-11-23')?.id).toBe('tt73-2024');
    expect(amountOn('2026-11-23', 'conversion')).toBe(30_000);
  });

  it('keeps the first card and the change at a card-change age free in every period', () => {
    for (const schedule of schedules) {
      expect(feeAmount(schedule, 'first_issue')).toBe(0);
      expect(feeAmount(schedule, 'age_change')).toBe(0);
    }
  });

  it('is none before any schedule', () => {
    expect(scheduleInForce(schedules, '2015-01-01')).toBeNull();
  });
});

describe('the fee data', () => {
  it('gives every schedule a source in both languages', () => {
    for (const schedule of schedules) {
      expect(schedule.source.vi).toMatch(/Thông tư|Luật/);
      expect(schedule.source.en).toMatch(/Circular|Law/);
    }
  });

  it('refuses a schedule that ends before it starts', () => {
    const broken = { ...schedulesJson[0], valid_from: '2020-01-02', valid_to: '2020-01-01' };
    expect(feeScheduleSchema.safeParse(broken).success).toBe(false);
  });

  it('lists the periods oldest first for the history table', () => {
    const dates = schedulesByDate(schedules).map((schedule) => schedule.valid_from);
    expect(dates).toEqual([...dates].sort());
  });
});
