import { describe, expect, it } from 'vitest';
import { filtersFromQuery } from '../../src/domain/search-filters.ts';
import { noticeCampaignIds, noticeDays, noticeSearchArgs, noticeSites, readWardCode, wardSchedulesUrl } from '../../src/domain/notice.ts';
import { defaultDateRange, type SessionRow } from '../../src/domain/schedules.ts';

// Only what the notice's rules read; the rest of a search_sessions row does not matter here.
function row(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    session_id: 1,
    session_date: '2026-11-24',
    campaign_id: 1,
    site_name: 'Công an phường Phú Hội',
    shifts: [
      { id: 3, starts_at: '2026-11-24T10:00:00+00:00', ends_at: '2026-11-24T15:00:00+00:00', capacity: 80, places_left: 80, bookable: true },
      { id: 1, starts_at: '2026-11-24T00:00:00+00:00', ends_at: '2026-11-24T05:00:00+00:00', capacity: 80, places_left: 0, bookable: true },
    ],
    ...overrides,
  } as SessionRow;
}

describe('the ward code of the notice address', () => {
  it('takes a five-digit code and refuses anything else', () => {
    expect(readWardCode('19786')).toBe('19786');
    expect(readWardCode(' 19786 ')).toBe('19786');
    expect(readWardCode('474')).toBeNull();
    expect(readWardCode('19786x')).toBeNull();
    expect(readWardCode(null)).toBeNull();
  });
});

describe('the sessions a notice lists', () => {
  it('searches the ward over the schedules page’s default three weeks, like the QR code’s page', () => {
    const range = defaultDateRange('2026-11-23');
    expect(noticeSearchArgs('19786', range, '2021')).toEqual({ p_ward: '19786', p_from: '2026-11-23', p_to: '2026-12-14', p_unit_set: '2021' });
    expect(noticeSearchArgs('19789', range, '2025')).toMatchObject({ p_ward: '19789', p_unit_set: '2025' });
  });

  it('groups sessions by date, sites in Vietnamese order within a day, shifts by start time', () => {
    const days = noticeDays([
      row({ session_id: 3, session_date: '2026-11-26', site_name: 'Trường THCS Phú Hội' }),
      row({ session_id: 2, session_date: '2026-11-24', site_name: 'Đình làng Vĩ Dạ' }),
      row({ session_id: 1, session_date: '2026-11-24', site_name: 'Công an phường Phú Hội' }),
    ]);
    expect(days.map((day) => [day.date, day.sessions.map((s) => s.session_id)])).toEqual([
      ['2026-11-24', [1, 2]],
      ['2026-11-26', [3]],
    ]);
    expect(days[0]!.sessions[0]!.shifts.map((s) => s.id)).toEqual([1, 3]);
  });

  it('names each campaign of the listed sessions once', () => {
    const days = noticeDays([row({ session_id: 1 }), row({ session_id: 2, campaign_id: 4, session_date: '2026-11-25' }), row({ session_id: 3, session_date: '2026-11-26' })]);
    expect(noticeCampaignIds(days)).toEqual([1, 4]);
    expect(noticeCampaignIds([])).toEqual([]);
  });
});

describe('the schedules address on the notice', () => {
  it('is absolute, in the notice’s language, on the campaign and the ward and without dates', () => {
    expect(wardSchedulesUrl('https://cccd.example.vn', 'vi', '19789', 'thanh-pho-hue-2026')).toBe(
      'https://cccd.example.vn/vi/schedules/?campaign=thanh-pho-hue-2026&ward=19789',
    );
    expect(wardSchedulesUrl('http://localhost:4321', 'en', '19786', 'thua-thien-hue-2021')).toBe('http://localhost:4321/en/schedules/?campaign=thua-thien-hue-2021&ward=19786');
    // Without a campaign, as the old posters: the ward alone, read in the 2021 set.
    expect(wardSchedulesUrl('https://cccd.example.vn', 'vi', '19786', null)).toBe('https://cccd.example.vn/vi/schedules/?ward=19786');
  });

  it('opens the schedules page on exactly that ward of that campaign', () => {
    const url = new URL(wardSchedulesUrl('https://cccd.example.vn', 'vi', '19786', 'thua-thien-hue-2021'));
    expect(filtersFromQuery(url.searchParams)).toEqual({ campaign: 'thua-thien-hue-2021', ward: '19786' });
  });
});

describe('the sites a notice lists', () => {
  it('names each site once, in the order its first session comes, with its address and directions', () => {
    const school = { site_id: 7, site_name: 'Trường THCS Phú Hội', address: '5 Ngô Quyền', access_notes: '' };
    const station = { site_id: 2, site_name: 'Công an phường Phú Hội', address: '1 Chi Lăng', access_notes: 'Cổng phụ' };
    const days = noticeDays([
      row({ session_id: 1, session_date: '2026-11-26', ...station }),
      row({ session_id: 2, session_date: '2026-11-24', ...school }),
      row({ session_id: 3, session_date: '2026-11-24', ...station }),
      row({ session_id: 4, session_date: '2026-11-28', ...school }),
    ]);
    expect(noticeSites(days)).toEqual([station, school]);
    expect(noticeSites([])).toEqual([]);
  });
});
