// The citizen reads answer a GET through the gateway with a Cache-Control a browser or CDN honours;
// the list the site sends as GET (src/lib/get-reads.ts) is exactly the stable functions anyone may
// call that carry no code or token; a lookup with a token stays a POST.
import { beforeAll, describe, expect, test } from 'vitest';
import { getReads, type GetRead } from '../../src/lib/get-reads.ts';
import { stack } from './support/clients.ts';
import { createCampaign, createSession, placeIn, sql } from './support/fixtures.ts';

let slug: string;
let sessionId: number;
let shiftId: number;
let here: { lat: number; lng: number };

beforeAll(async () => {
  let campaignId: number;
  ({ id: campaignId, slug } = await createCampaign('06'));
  const place = await placeIn('058', 0, 0);
  here = place;
  const session = await createSession({ campaignId, place, inDays: 2 });
  sessionId = session.sessionId;
  shiftId = session.shiftIds[0]!;
});

function get(name: string, args: Record<string, string | number>): Promise<Response> {
  const query = new URLSearchParams(Object.entries(args).map(([key, value]) => [key, String(value)]));
  return fetch(`${stack.apiUrl}/rest/v1/rpc/${name}?${query}`, { headers: { apikey: stack.publishableKey } });
}

// What each read may be kept for: seconds where places and queue numbers move, a minute for the
// progress figures (refreshed every 30 s), long for units and campaigns.
const calls: Record<GetRead, { args: () => Record<string, string | number>; maxAge: number }> = {
  search_sessions: { args: () => ({ p_campaign: slug, p_lat: here.lat, p_lng: here.lng }), maxAge: 5 },
  nearest_alternatives: { args: () => ({ p_shift_id: shiftId }), maxAge: 5 },
  now_serving_board: { args: () => ({ p_session_id: sessionId }), maxAge: 5 },
  campaign_progress: { args: () => ({ p_slug: slug }), maxAge: 60 },
  campaign_directory: { args: () => ({ p_slug: slug }), maxAge: 300 },
  locate_commune: { args: () => ({ p_lat: here.lat, p_lng: here.lng }), maxAge: 86400 },
  old_ward_lookup: { args: () => ({ p_query: 'phu hoi' }), maxAge: 86400 },
};

describe('a GET of each citizen read', () => {
  test.each(getReads.map((name) => [name]))('%s answers with its Cache-Control', async (name) => {
    const call = calls[name];
    const response = await get(name, call.args());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(`public, max-age=${call.maxAge}`);
    expect(await response.json()).toBeTruthy();
  });

  test('sends its arguments in the URL and gets the same rows as a POST', async () => {
    const post = await fetch(`${stack.apiUrl}/rest/v1/rpc/search_sessions`, {
      method: 'POST',
      headers: { apikey: stack.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ p_campaign: slug }),
    });
    const viaGet = await get('search_sessions', { p_campaign: slug });
    const rows = (await viaGet.json()) as { session_id: number }[];
    expect(rows.map((row) => row.session_id)).toEqual([sessionId]);
    expect(await post.json()).toEqual(rows);
  });

  test('a refusal is not made cacheable', async () => {
    const response = await get('campaign_progress', { p_slug: 'no-such-campaign' });
    expect(response.ok).toBe(false);
    expect(response.headers.get('cache-control')).toBeNull();
  });
});

describe('the list of GET reads', () => {
  test('is every stable function anyone may call, except the lookups that carry a code or token', async () => {
    const rows = await sql<{ name: string; stable: boolean; secret: boolean }>(
      `select p.proname as name, p.provolatile = 's' as stable,
              coalesce(p.proargnames && array['p_code', 'p_token', 'p_phone'], false) as secret
       from pg_catalog.pg_proc p
       where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute')`,
    );
    const stable = rows.filter((row) => row.stable);
    expect(stable.filter((row) => !row.secret).map((row) => row.name).sort()).toEqual([...getReads].sort());
    // signup_link_info is stable but carries its link's token: it stays a POST.
    expect(stable.filter((row) => row.secret).map((row) => row.name)).toContain('signup_link_info');
    expect(getReads).not.toContain('signup_link_info');
  });
});
