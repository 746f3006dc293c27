import { describe, expect, it } from 'vitest';
import {
  defaultDateRange,
  effectiveSort,
  groupByDate,
  hasFilters,
  readSession,
  recommendationReason,
  placeNote,
  shiftState,
  sitesOf,
  sortSessions,
  splitByLocatedCommune,
  withDefaultDates,
  withoutDefaultDates,
  type SessionRow,
  type SessionShift,
} from '../../src/domain/schedules.ts';
import { sortByName } from '../../src/domain/vietnamese-order.ts';

const shift = (overrides: Partial<SessionShift> = {}): SessionShift => ({
  id: 1,
  starts_at: '2026-11-24T00:30:00+00:00',
  ends_at: '2026-11-24T04:30:00+00:00',
  capacity: 40,
  places_left: 12,
  bookable: true,
  ...overrides,
});

// search_sessions types `shifts` as JSON; these rows carry real (or broken) shift objects.
function row({ shifts = [shift()], ...overrides }: Partial<Omit<SessionRow, 'shifts'>> & { shifts?: unknown[] } = {}): SessionRow {
  return {
    session_id: 1,
    session_date: '2026-11-24',
    campaign_id: 1,
    site_id: 10,
    site_name: 'Công an phường Phú Hội',
    site_kind: 'police_station',
    address: 'Số 9 Nguyễn Công Trứ',
    access_notes: 'Cổng chính',
    lat: 16.46,
    lng: 107.59,
    ward_code: '19786',
    ward_name: 'Phường Phú Hội',
    ward_name_en: null as unknown as string,
    district_code: '474',
    district_name: 'Thành phố Huế',
    province_code: '46',
    province_name: 'Tỉnh Thừa Thiên Huế',
    province_name_en: null as unknown as string,
    distance_km: null as unknown as number,
    recommended_shift_id: null as unknown as number,
    in_located_commune: false,
    shifts: shifts as SessionRow['shifts'],
    ...overrides,
  };
}

describe('the date range of the schedules page', () => {
  it('runs three weeks from today by default', () => {
    expect(defaultDateRange('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-12-14' });
  });

  it('fills in the dates an address leaves out, and leaves default dates out of the address', () => {
    const filled = withDefaultDates({ ward: '19786' }, '2026-11-23');
    expect(filled).toEqual({ ward: '19786', from: '2026-11-23', to: '2026-12-14' });
    expect(withoutDefaultDates(filled, '2026-11-23')).toEqual({ ward: '19786' });
  });

  it('keeps dates the reader chose in the address', () => {
    const chosen = { district: '474', from: '2026-11-25', to: '2026-12-14' };
    expect(withDefaultDates(chosen, '2026-11-23')).toEqual(chosen);
    expect(withoutDefaultDates(chosen, '2026-11-23')).toEqual(chosen);
  });

  it('searches only when the address names a filter beyond the campaign', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ campaign: 'thanh-pho-hue-2026' })).toBe(false);
    expect(hasFilters({ district: '474' })).toBe(true);
  });
});

describe('the order of the list', () => {
  const near = readSession(row({ session_id: 1, session_date: '2026-11-26', distance_km: 0.8 }));
  const far = readSession(row({ session_id: 2, session_date: '2026-11-24', site_name: 'Trường THPT Hai Bà Trưng', distance_km: 12.5 }));
  const sameDay = readSession(row({ session_id: 3, session_date: '2026-11-24', site_name: 'Đại học Huế', distance_km: 3 }));

  it('puts the nearest first when sorted by distance', () => {
    expect(sortSessions([far, sameDay, near], 'distance').map((s) => s.session_id)).toEqual([1, 3, 2]);
  });

  it('puts the sessions of the commune the reader stands in first, then the nearest, when sorted by distance', () => {
    const inCommune = readSession(row({ session_id: 4, session_date: '2026-11-25', distance_km: 4.2, in_located_commune: true }));
    const sorted = sortSessions([far, sameDay, near, inCommune], 'distance');
    expect(sorted.map((s) => s.session_id)).toEqual([4, 1, 3, 2]);
    expect(splitByLocatedCommune(sorted).map((part) => part.map((s) => s.session_id))).toEqual([[4], [1, 3, 2]]);
    // By date, the commune changes nothing.
    expect(sortSessions([inCommune, near, far, sameDay], 'date').map((s) => s.session_id)).toEqual([3, 2, 4, 1]);
  });

  it('says where the reader stands: the campaign commune and its sessions, another province, or no commune', () => {
    const inCommune = readSession(row({ session_id: 4, in_located_commune: true }));
    const thuanHoa = { code: '19789', name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward', kind: 'Phường' };
    const hue = { code: '46', name: 'Thành phố Huế', name_en: 'Hue City' };
    expect(placeNote({ found: true, commune: thuanHoa, province: hue }, '46', [inCommune, near])).toEqual({ kind: 'in', commune: thuanHoa, sessions: 1 });
    expect(placeNote({ found: true, commune: thuanHoa, province: hue }, '46', [near])).toEqual({ kind: 'in', commune: thuanHoa, sessions: 0 });
    expect(placeNote({ found: true, commune: thuanHoa, province: hue }, '48', [near])).toEqual({ kind: 'elsewhere', commune: thuanHoa, province: hue });
    expect(placeNote({ found: false }, '46', [near])).toEqual({ kind: 'nowhere' });
  });

  it('puts the earliest first, then sites in Vietnamese alphabetical order, when sorted by date', () => {
    expect(sortSessions([near, far, sameDay], 'date').map((s) => s.session_id)).toEqual([3, 2, 1]);
  });

  it('groups sessions of the same date under one heading', () => {
    const groups = groupByDate(sortSessions([near, far, sameDay], 'date'));
    expect(groups.map((g) => [g.date, g.sessions.length])).toEqual([
      ['2026-11-24', 2],
      ['2026-11-26', 1],
    ]);
  });

  it('orders by distance only when there is a location to measure from', () => {
    expect(effectiveSort({ ward: '19786' })).toBe('date');
    expect(effectiveSort({ ward: '19786', sort: 'distance' })).toBe('date');
    expect(effectiveSort({ lat: 16.464, lng: 107.591 })).toBe('distance');
    expect(effectiveSort({ lat: 16.464, lng: 107.591, sort: 'date' })).toBe('date');
  });
});

describe('a session as the list shows it', () => {
  it('reads its shifts in time order and drops malformed ones', () => {
    const late = shift({ id: 2, starts_at: '2026-11-24T10:00:00+00:00' });
    const session = readSession(row({ shifts: [late, { id: 'x' }, shift()] }));
    expect(session.shifts.map((s) => s.id)).toEqual([1, 2]);
    expect(session.distance_km).toBeNull();
    expect(session.recommended_shift_id).toBeNull();
  });

  it('marks a shift full when no place is left and closed when it takes no bookings', () => {
    expect(shiftState(shift())).toBe('open');
    expect(shiftState(shift({ places_left: 0 }))).toBe('full');
    expect(shiftState(shift({ places_left: 5, bookable: false }))).toBe('closed');
  });

  it('explains the recommended shift by distance: within 3 km is near', () => {
    expect(recommendationReason(readSession(row({ distance_km: 2.9, recommended_shift_id: 1 })), {})).toBe('near');
    expect(recommendationReason(readSession(row({ distance_km: 3.1, recommended_shift_id: 1 })), {})).toBe('far');
  });

  it('explains the recommended shift by ward when there is no location', () => {
    const session = readSession(row({ recommended_shift_id: 1 }));
    expect(recommendationReason(session, { ward: '19786' })).toBe('near');
    expect(recommendationReason(session, { ward: '19789' })).toBe('far');
    expect(recommendationReason(readSession(row()), { ward: '19786' })).toBeNull();
  });
});

describe('the map and the pickers', () => {
  it('makes one marker per site, with its sessions by date', () => {
    const sites = sitesOf([
      readSession(row({ session_id: 2, session_date: '2026-11-25' })),
      readSession(row({ session_id: 1, session_date: '2026-11-24' })),
      readSession(row({ session_id: 3, site_id: 11, site_name: 'Đại học Huế' })),
    ]);
    expect(sites.map((site) => [site.site_id, site.sessions.map((s) => s.session_id)])).toEqual([
      [10, [1, 2]],
      [11, [3]],
    ]);
  });

  it('sorts unit names in Vietnamese order, Đ after D', () => {
    const names = sortByName([{ name: 'Phường Đông Ba' }, { name: 'Phường An Cựu' }, { name: 'Phường Dương Nỗ' }]).map((u) => u.name);
    expect(names).toEqual(['Phường An Cựu', 'Phường Dương Nỗ', 'Phường Đông Ba']);
  });
});
