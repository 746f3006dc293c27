import { describe, expect, test } from 'vitest';
import { dailyCountMessages, dailyCountSchema } from '../../src/domain/daily-count.ts';
import {
  buildRoster,
  countShifts,
  callOrder,
  foldForSearch,
  matchesSearch,
  rosterActions,
  rosterState,
  type BookingRow,
  type RosterEntry,
  type WalkInRow,
} from '../../src/domain/roster.ts';
import { csvField, rosterCsv, rosterFileName, toCsv } from '../../src/domain/roster-csv.ts';

const bookings: BookingRow[] = [
  { shift_id: 1, queue_no: 3, code: 'ABCD1234X', status: 'confirmed', full_name: 'Nguyễn Thị Đào', birth_date: '1980-03-31', called_at: null },
  { shift_id: 1, queue_no: 1, code: 'ZZZZ0000Q', status: 'served', full_name: 'Trần Văn An', birth_date: '1975-01-02', called_at: '2026-11-24T00:05:00Z' },
  { shift_id: 1, queue_no: 2, code: 'KKKK1111M', status: 'cancelled', full_name: 'Lê Hoà', birth_date: '1990-12-01', called_at: null },
  { shift_id: 2, queue_no: 1, code: 'MMMM2222R', status: 'checked_in', full_name: 'Phạm Bình', birth_date: '2001-06-15', called_at: null },
];
const walkIns: WalkInRow[] = [
  { shift_id: 1, queue_no: 4, status: 'checked_in', called_at: null },
  { shift_id: 1, queue_no: 5, status: 'no_show', called_at: null },
];

describe('the roster of a shift', () => {
  test('lists bookings and walk-ins of the shift by queue number, without cancelled bookings', () => {
    expect(buildRoster(1, bookings, walkIns).map((entry) => [entry.queueNo, entry.kind, entry.status])).toEqual([
      [1, 'booking', 'served'],
      [3, 'booking', 'confirmed'],
      [4, 'walk_in', 'checked_in'],
      [5, 'walk_in', 'no_show'],
    ]);
  });

  test('calls and serves only a person here; says "not come" of anyone expected; takes back served and not come', () => {
    const [served, expected, here, gone] = buildRoster(1, bookings, walkIns) as [RosterEntry, RosterEntry, RosterEntry, RosterEntry];
    expect([served, expected, here, gone].map((entry) => rosterActions(entry))).toEqual([
      { call: false, served: false, noShow: false, undo: true },
      { call: false, served: false, noShow: true, undo: false },
      { call: true, served: true, noShow: true, undo: false },
      { call: false, served: false, noShow: false, undo: true },
    ]);
  });

  test('offers a volunteer the call only: marking served or not come is an officer\'s', () => {
    const [served, expected, here] = buildRoster(1, bookings, walkIns) as [RosterEntry, RosterEntry, RosterEntry];
    expect([served, expected, here].map((entry) => rosterActions(entry, false))).toEqual([
      { call: false, served: false, noShow: false, undo: false },
      { call: false, served: false, noShow: false, undo: false },
      { call: true, served: false, noShow: false, undo: false },
    ]);
  });

  test('shows a person checked in and called as called, no longer waiting', () => {
    const roster = buildRoster(1, bookings, [...walkIns, { shift_id: 1, queue_no: 6, status: 'checked_in', called_at: '2026-11-24T00:09:00Z' }]);
    expect(roster.map(rosterState)).toEqual(['served', 'confirmed', 'checked_in', 'no_show', 'called']);
  });

  test('call next takes the people here whom no call has reached, lowest number first, late arrivals at their own number', () => {
    const rows: BookingRow[] = [1, 2, 3, 4, 5, 6].map((n) => ({
      shift_id: 9,
      queue_no: n,
      code: `CODE0000${n}`,
      full_name: `Người ${n}`,
      birth_date: null,
      // 1, 2 and 5 came and were called; 3 and 4 came late; 6 has not come.
      status: n === 6 ? 'confirmed' : 'checked_in',
      called_at: [1, 2, 5].includes(n) ? '2026-11-24T00:00:00Z' : null,
    }));
    const walkIn: WalkInRow = { shift_id: 9, queue_no: 7, status: 'checked_in', called_at: null };
    expect(callOrder(buildRoster(9, rows, [walkIn])).map((entry) => entry.queueNo)).toEqual([3, 4, 7]);
  });
});

describe('counts per shift', () => {
  test('count booked places, people waiting (here, not yet called), served, not come and walk-ins of each shift', () => {
    const counts = countShifts([1, 2, 3], bookings, walkIns);
    expect(counts.get(1)).toEqual({ booked: 2, checkedIn: 1, served: 1, noShow: 1, walkIns: 2 });
    // Called, the walk-in is at the desk: no longer waiting.
    const called = countShifts([1], bookings, walkIns.map((row) => (row.queue_no === 4 ? { ...row, called_at: '2026-11-24T00:09:00Z' } : row)));
    expect(called.get(1)).toMatchObject({ checkedIn: 0, walkIns: 2 });
    expect(counts.get(2)).toEqual({ booked: 1, checkedIn: 1, served: 0, noShow: 0, walkIns: 0 });
    expect(counts.get(3)).toEqual({ booked: 0, checkedIn: 0, served: 0, noShow: 0, walkIns: 0 });
  });
});

describe('searching the roster', () => {
  const [, dao] = buildRoster(1, bookings, walkIns) as [RosterEntry, RosterEntry];

  test('folds tone marks, other diacritics and đ away', () => {
    expect(foldForSearch('  Nguyễn   Thị ĐÀO ')).toBe('nguyen thi dao');
    // Composed (NFC) and decomposed (NFD) input fold alike.
    expect(foldForSearch('Nguyê\u0303n')).toBe('nguyen');
  });

  test('finds "Nguyễn" by "nguyen", and by a part of the name typed with marks', () => {
    expect(matchesSearch(dao, 'nguyen')).toBe(true);
    expect(matchesSearch(dao, 'thị đào')).toBe(true);
    expect(matchesSearch(dao, 'dao')).toBe(true);
    expect(matchesSearch(dao, 'tran')).toBe(false);
  });

  test('finds a booking by its code as people type it, dashes and small letters included', () => {
    expect(matchesSearch(dao, 'abcd-1234x')).toBe(true);
    expect(matchesSearch(dao, '1234')).toBe(true);
    expect(matchesSearch(dao, 'ZZZZ')).toBe(false);
  });

  test('an empty search keeps everybody, walk-ins included', () => {
    const walkIn = buildRoster(1, bookings, walkIns)[2]!;
    expect(matchesSearch(walkIn, '  ')).toBe(true);
    expect(matchesSearch(walkIn, 'an')).toBe(false);
  });
});

describe('the CSV export', () => {
  test('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('Nguyễn, An')).toBe('"Nguyễn, An"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  test('keeps a spreadsheet from running a field as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  test('starts with a byte order mark and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b'], [1, null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });

  test('writes the roster with translated headers, statuses and kinds', () => {
    const csv = rosterCsv(buildRoster(1, bookings, walkIns).slice(1, 3), {
      headers: { queueNo: 'Số thứ tự', code: 'Mã đặt chỗ', fullName: 'Họ và tên', birthDate: 'Ngày sinh', status: 'Trạng thái', kind: 'Hình thức' },
      status: (state) => `s:${state}`,
      kind: (kind) => `k:${kind}`,
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFSố thứ tự,Mã đặt chỗ,Họ và tên,Ngày sinh,Trạng thái,Hình thức',
      '3,ABCD1234X,Nguyễn Thị Đào,1980-03-31,s:confirmed,k:booking',
      '4,,,,s:checked_in,k:walk_in',
      '',
    ]);
  });

  test('names the file with the date, the start time and the site, in plain letters', () => {
    expect(rosterFileName('danh-sach', '2026-11-24', '07:00', 'Công an phường Phú Hội')).toBe('danh-sach-2026-11-24-0700-cong-an-phuong-phu-hoi.csv');
  });
});

describe('the daily count form', () => {
  const form = { unitId: '7', day: '2026-11-24', applications: ' 120 ', walkIns: '30' };

  test('reads whole numbers, with no walk-ins when left empty', () => {
    expect(dailyCountSchema.parse(form)).toEqual({ unitId: 7, day: '2026-11-24', applications: 120, walkIns: 30 });
    expect(dailyCountSchema.parse({ ...form, walkIns: '' }).walkIns).toBe(0);
  });

  test.each([
    [{ applications: '' }, dailyCountMessages.applicationsRequired],
    [{ applications: '12.5' }, dailyCountMessages.applicationsWhole],
    [{ applications: '-3' }, dailyCountMessages.applicationsWhole],
    [{ walkIns: 'ba' }, dailyCountMessages.walkInsWhole],
    [{ walkIns: '121' }, dailyCountMessages.walkInsTooMany],
    [{ day: '2026-02-30' }, dailyCountMessages.dayInvalid],
    [{ unitId: '' }, dailyCountMessages.unitRequired],
  ])('refuses %o with its message', (change, message) => {
    const result = dailyCountSchema.safeParse({ ...form, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});
