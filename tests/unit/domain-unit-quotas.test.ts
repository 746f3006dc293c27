// A unit-quota CSV file read into rows (src/domain/unit-quotas-csv.ts), the report merged with the
// database's refusals, the typed table's changes, and the campaign form's checks
// (src/domain/campaign-admin.ts).
import { describe, expect, test } from 'vitest';
import { campaignPayload, campaignProblems, emptyDraft } from '../../src/domain/campaign-admin.ts';
import { defaultShifts } from '../../src/domain/staff-sessions.ts';
import { changedQuotas, importReport } from '../../src/domain/unit-quotas.ts';
import { readQuotaCsv } from '../../src/domain/unit-quotas-csv.ts';

describe('reading a quota CSV file', () => {
  test('a header naming the columns in Vietnamese, other columns ignored, blank lines skipped, lines numbered as the file’s', () => {
    const text = '\uFEFFMã đơn vị,Tên,Chỉ tiêu\r\n474,Thành phố Huế,12000\r\n\r\n"475","Thị xã Phong Điền", 8000 \r\n';
    expect(readQuotaCsv(text)).toEqual({
      rows: [
        { line: 2, code: '474', quota: '12000' },
        { line: 4, code: '475', quota: '8000' },
      ],
      unread: [],
      tooMany: false,
    });
  });

  test('without a header the code is the first cell and the quota the last; semicolons work too', () => {
    expect(readQuotaCsv('474;Thành phố Huế;12000\n476;-5\n').rows).toEqual([
      { line: 1, code: '474', quota: '12000' },
      { line: 2, code: '476', quota: '-5' },
    ]);
  });

  test('a line of one cell is reported malformed with its line; values are passed on as typed for the database to judge', () => {
    const read = readQuotaCsv('code,quota\n474,12000\n475\n,300\n477,1.200\n');
    expect(read.unread).toEqual([{ line: 3, code: '475', reason: 'malformed' }]);
    expect(read.rows).toEqual([
      { line: 2, code: '474', quota: '12000' },
      { line: 4, code: '', quota: '300' },
      { line: 5, code: '477', quota: '1.200' },
    ]);
  });

  test('more lines than one import takes is said', () => {
    const text = Array.from({ length: 5001 }, (_, i) => `${i},1`).join('\n');
    expect(readQuotaCsv(text).tooMany).toBe(true);
  });
});

describe('the import report', () => {
  test('lists the reader’s and the database’s refusals together by line', () => {
    const report = importReport([{ line: 3, code: '475', reason: 'malformed' }], {
      ok: true,
      campaign_id: 1,
      saved: 2,
      removed: 0,
      refused: [
        { line: 2, code: '99999', reason: 'unknown_code' },
        { line: 5, code: '474', reason: 'duplicate', first_line: 1 },
      ],
    });
    expect(report).toEqual({
      saved: 2,
      removed: 0,
      refused: [
        { line: 2, code: '99999', reason: 'unknown_code' },
        { line: 3, code: '475', reason: 'malformed' },
        { line: 5, code: '474', reason: 'duplicate', first_line: 1 },
      ],
    });
  });
});

describe('the typed table', () => {
  const units = [{ code: '474' }, { code: '475' }, { code: '476' }];
  test('sends the quotas changed or new, and null for one emptied; untouched ones are not sent', () => {
    const saved = new Map([['474', 100], ['475', 200]]);
    const typed = new Map([['474', '100'], ['475', ''], ['476', '300']]);
    expect(changedQuotas(units, saved, typed)).toEqual([
      { line: 2, code: '475', quota: null },
      { line: 3, code: '476', quota: '300' },
    ]);
  });
});

describe('the campaign form', () => {
  const filled = { ...emptyDraft(defaultShifts(), '2026-12-10'), slug: 'hue-2027', nameVi: 'Chiến dịch Huế', nameEn: 'Huế campaign', quota: '1000', deadline: '2027-01-31', source: 'Kế hoạch 1/KH' };

  test('a filled form has no problem and its payload is what staff_save_campaign takes', () => {
    expect(campaignProblems(filled)).toEqual([]);
    expect(campaignPayload(filled, '2025')).toEqual({
      slug: 'hue-2027',
      unit_set: '2025',
      name_vi: 'Chiến dịch Huế',
      name_en: 'Huế campaign',
      quota: 1000,
      daily_target: null,
      starts_on: '2026-12-10',
      deadline: '2027-01-31',
      source: 'Kế hoạch 1/KH',
      shift_plan: defaultShifts(),
    });
  });

  test('names each field with a problem, a shift’s by its number', () => {
    const bad = { ...filled, slug: 'Huế', quota: '-1', dailyTarget: '5000', deadline: '2026-12-01', shifts: [{ start: '07:00', end: '06:00', capacity: '0' }] };
    expect(campaignProblems(bad).map((p) => [p.field, p.key])).toEqual([
      ['slug', 'staffCampaigns:error.slug'],
      ['quota', 'staffCampaigns:error.quota'],
      ['deadline', 'staffCampaigns:error.deadline'],
      ['shift-0-start', 'staff:shift.order'],
      ['shift-0-capacity', 'staff:shift.capacity'],
    ]);
  });
});
