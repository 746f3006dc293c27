// The database functions that read public figures without side effects: every caller sends them
// as GET, which a browser, a CDN or a read replica can serve (each function sets its own
// Cache-Control through PostgREST), and everything else as POST. Lookups that carry a booking code
// or a token, or count toward a rate limit, are not here: no secrets in URLs, no cached refusals.
export const getReads = [
  'search_sessions',
  'nearest_alternatives',
  'campaign_progress',
  'now_serving_board',
  'locate_commune',
  'old_ward_lookup',
  'campaign_directory',
] as const;

export type GetRead = (typeof getReads)[number];

export function isGetRead(name: string): name is GetRead {
  return (getReads as readonly string[]).includes(name);
}

/**
 * The arguments of a GET: each travels in the URL as text, where null would arrive as the string
 * "null"; left out, the argument takes its default, which is null for every argument these
 * functions' callers leave empty.
 */
export function getArgs<A extends object>(args: A): Partial<A> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null)) as Partial<A>;
}

/** The rpc options of a call: GET for the reads above, so no caller lists them again. */
export function rpcOptions(name: string): { get: boolean } {
  return { get: isGetRead(name) };
}
