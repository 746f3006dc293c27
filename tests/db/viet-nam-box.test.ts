// The box every coordinate is checked against, islands included: the forms' box
// (src/domain/viet-nam-box.ts) is the database's (private.in_viet_nam), and a citizen of Trường Sa,
// the southernmost commune, finds the sessions held there by their location.
import { expect, test } from 'vitest';
import { vietNamBox } from '../../src/domain/viet-nam-box.ts';
import { anonFrom, createCampaign, createSession, placeInCommune, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.4.90');

test('the forms take the same box as the database', async () => {
  const step = 1e-6;
  const points = [
    [vietNamBox.lat.min, vietNamBox.lng.min, true],
    [vietNamBox.lat.max, vietNamBox.lng.max, true],
    [vietNamBox.lat.min - step, vietNamBox.lng.min, false],
    [vietNamBox.lat.max + step, vietNamBox.lng.max, false],
    [vietNamBox.lat.min, vietNamBox.lng.min - step, false],
    [vietNamBox.lat.max, vietNamBox.lng.max + step, false],
  ] as const;
  for (const [lat, lng, inside] of points) {
    const [row] = await sql<{ inside: boolean }>('select private.in_viet_nam($1, $2) as inside', [lat, lng]);
    expect(row!.inside, `${lat}, ${lng}`).toBe(inside);
  }
});

test('every 2025 commune lies in the box, by its shape', async () => {
  const outside = await sql(
    `select code, name from public.admin_units
     where unit_set = '2025' and level = 3
       and not (private.in_viet_nam((bbox[1])[1], (bbox[1])[0]) and private.in_viet_nam((bbox[0])[1], (bbox[0])[0]))`,
  );
  expect(outside).toEqual([]);
});

test('a citizen of Trường Sa finds the session held there by their location, first', async () => {
  // Đặc khu Trường Sa (22736), Khánh Hoà (56): its point is at 7.44°N.
  const { id: campaignId } = await createCampaign('56', '2025');
  const here = await placeInCommune('22736');
  expect(here.lat).toBeLessThan(8);
  const { sessionId } = await createSession({ campaignId, place: here, inDays: 1 });
  const { data, error } = await citizen.rpc('search_sessions', { p_lat: here.lat, p_lng: here.lng, p_unit_set: '2025' });
  expect(error).toBeNull();
  expect(data?.[0]).toMatchObject({ session_id: sessionId, ward_code: '22736', in_located_commune: true });
});
