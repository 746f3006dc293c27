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

  test('a header naming the survey column reads the people still to take in as typed, an empty cell as not known', () => {
    const text = 'Mã,Chỉ tiêu,Số người còn phải thu nhận\n474,12000,13500\n475,8000,\n476,9000,-4\n477,9000," 1.500 "\n';
    expect(readQuotaCsv(text)).toEqual({
      rows: [
        { line: 2, code: '474', quota: '12000', people: '13500' },
        { line: 3, code: '475', quota: '8000', people: null },
        // As the quota: passed on for the database to judge.
        { line: 4, code: '476', quota: '9000', people: '-4' },
        { line: 5, code: '477', quota: '9000', people: '1.500' },
      ],
      unread: [],
      tooMany: false,
    });
    expect(readQuotaCsv('code;people;quota\n474;13500;12000\n').rows).toEqual([{ line: 2, code: '474', quota: '12000', people: '13500' }]);
    expect(readQuotaCsv('songuoi,ma,chitieu\n100,474,90\n').rows).toEqual([{ line: 2, code: '474', quota: '90', people: '100' }]);
  });

  test('without a survey column no figure is sent, so the saved ones stay; without a header a middle cell is not read as one', () => {
    expect(readQuotaCsv('code,quota\n474,12000\n').rows).toEqual([{ line: 2, code: '474', quota: '12000' }]);
    expect(readQuotaCsv('474,13500,12000\n').rows).toEqual([{ line: 1, code: '474', quota: '12000' }]);
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
  const units = [{ code: '474' }, { code: '475' }, { code: '476' }, { code: '477' }, { code: '478' }];
  const saved = new Map([
    ['474', { quota: 100, people: 120 }],
    ['475', { quota: 200, people: null }],
    ['477', { quota: 50, people: null }],
  ]);

  test('sends the rows whose quota or figure changed, with both boxes, and null for an emptied quota; untouched ones are not sent', () => {
    const typed = new Map([
      ['474', { quota: '100', people: '120' }],
      ['475', { quota: '', people: '' }],
      ['476', { quota: '300', people: '' }],
      ['477', { quota: '50', people: ' 70 ' }],
    ]);
    expect(changedQuotas(units, saved, typed)).toEqual([
      { line: 2, code: '475', quota: null },
      { line: 3, code: '476', quota: '300', people: null },
      { line: 4, code: '477', quota: '50', people: '70' },
    ]);
  });

  test('sends an emptied figure as not known, and a figure without a quota for the database to refuse', () => {
    const typed = new Map([
      ['474', { quota: '100', people: '' }],
      ['475', { quota: '200', people: 'lots' }],
      ['477', { quota: '50', people: '' }],
      ['478', { quota: '', people: '40' }],
    ]);
    expect(changedQuotas(units, saved, typed)).toEqual([
      { line: 1, code: '474', quota: '100', people: null },
      { line: 2, code: '475', quota: '200', people: 'lots' },
      { line: 5, code: '478', quota: '', people: '40' },
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
