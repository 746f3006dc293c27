import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery, searchFiltersSchema, toSearchSessionsArgs } from '../../src/domain/search-filters.ts';
import { messages } from './support/messages.ts';

describe('the search filters in the address of the schedules page', () => {
  it('survive a round trip through the query string', () => {
    const filters = searchFiltersSchema.parse({
      campaign: 'thua-thien-hue-2021',
      province: '46',
      district: '474',
      ward: '19774',
      from: '2021-06-01',
      to: '2021-07-31',
      lat: 16.4637,
      lng: 107.5909,
      radius_km: 10,
      sort: 'distance',
    });
    const query = filtersToQuery(filters);
    expect(query.toString()).toBe(
      'campaign=thua-thien-hue-2021&province=46&district=474&ward=19774&from=2021-06-01&to=2021-07-31&lat=16.464&lng=107.591&radius_km=10&sort=distance',
    );
    expect(filtersFromQuery(new URLSearchParams(query.toString()))).toEqual(filters);
  });

  it('keep a location only to about 100 m', () => {
    expect(searchFiltersSchema.parse({ lat: 16.46374321, lng: 107.59091234 })).toEqual({ lat: 16.464, lng: 107.591 });
  });

  it('are empty for an empty query', () => {
    expect(filtersFromQuery(new URLSearchParams())).toEqual({});
    expect(filtersToQuery({}).toString()).toBe('');
  });

  it('leave out malformed and out-of-range values instead of failing', () => {
    const query = new URLSearchParams(
      'campaign=Hu%E1%BA%BF&province=4&district=4745&ward=abcde&from=2021-02-30&lat=50&lng=105&radius_km=500&sort=nearest&unknown=1',
    );
    expect(filtersFromQuery(query)).toEqual({});
    expect(filtersFromQuery(new URLSearchParams('lat=0x10&lng=1e2&radius_km=%205%20'))).toEqual({});
  });

  it('leave out a value at odds with another one', () => {
    // An end before the start, and a range over 60 days.
    expect(filtersFromQuery(new URLSearchParams('from=2021-06-10&to=2021-06-01'))).toEqual({ from: '2021-06-10' });
    expect(filtersFromQuery(new URLSearchParams('from=2021-06-01&to=2021-07-31'))).toEqual({ from: '2021-06-01', to: '2021-07-31' });
    expect(filtersFromQuery(new URLSearchParams('from=2021-06-01&to=2021-08-01'))).toEqual({ from: '2021-06-01' });
    // Without a start date the search starts today (1 June 2021 here).
    expect(filtersFromQuery(new URLSearchParams('to=2021-05-31'))).toEqual({});
    // Half a location, and a distance or a distance order without a location.
    expect(filtersFromQuery(new URLSearchParams('lat=16.4&radius_km=5&sort=distance&province=46'))).toEqual({ province: '46' });
  });

  it('give each problem a message for the search form', () => {
    expect(messages(searchFiltersSchema, { from: '2021-06-10', to: '2021-06-01' })).toEqual({ to: ['booking:search.dateOrder'] });
    expect(messages(searchFiltersSchema, { from: '2021-06-01', to: '2021-08-01' })).toEqual({ to: ['booking:search.dateRange'] });
    expect(messages(searchFiltersSchema, { lat: 30, lng: 105 })).toEqual({ lat: ['booking:search.location'] });
    expect(messages(searchFiltersSchema, { lat: 16, lng: 107, radius_km: 0.5 })).toEqual({ radius_km: ['booking:search.radius'] });
    expect(messages(searchFiltersSchema, { ward: '1977' })).toEqual({ ward: ['booking:search.unit'] });
    expect(messages(searchFiltersSchema, { campaign: 'Huế 2026' })).toEqual({ campaign: ['booking:search.campaign'] });
  });

  it('become the arguments of search_sessions, null where absent, with the page asked for', () => {
    expect(toSearchSessionsArgs({})).toStrictEqual({
      p_campaign: null,
      p_province: null,
      p_district: null,
      p_ward: null,
      p_from: null,
      p_to: null,
      p_lat: null,
      p_lng: null,
      p_radius_km: null,
      p_limit: 20,
    });
    expect(
      toSearchSessionsArgs(
        searchFiltersSchema.parse({ campaign: 'thanh-pho-hue-2026', district: '474', from: '2021-06-01', lat: 16.46, lng: 107.59, radius_km: 5, sort: 'date' }),
        60,
      ),
    ).toStrictEqual({
      p_campaign: 'thanh-pho-hue-2026',
      p_province: null,
      p_district: '474',
      p_ward: null,
      p_from: '2021-06-01',
      p_to: null,
      p_lat: 16.46,
      p_lng: 107.59,
      p_radius_km: 5,
      p_limit: 60,
    });
    // Never more than the function gives in one answer.
    expect(toSearchSessionsArgs({}, 520).p_limit).toBe(500);
  });
});

it('treats a half-typed end date as an issue of that field, not a crash', () => {
  const result = searchFiltersSchema.safeParse({ from: '2026-12-01', to: '2026-1' });
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['to']);
});
