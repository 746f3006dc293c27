// Supabase Auth for the staff console, loaded when it is needed. Auth's client (@supabase/auth-js)
// is a quarter of a staff page's JavaScript budget, yet an officer who is already signed in needs
// only the access token it stored. So a page starts from the session in storage, and the client is
// loaded to sign in, to sign out, and to refresh a token about to expire (then it keeps it fresh).
import type { AuthChangeEvent, GoTrueClient, Session } from '@supabase/auth-js';

type Listener = (event: AuthChangeEvent, session: Session | null) => void;

/** Auth's own margin (EXPIRY_MARGIN_MS): a token this close to its end is refreshed first. */
const expiryMarginMs = 90_000;

function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | null;
  return typeof session?.access_token === 'string' && typeof session.expires_at === 'number' && typeof session.user === 'object';
}

/** Milliseconds until a session's token needs refreshing. */
const freshFor = (session: Session) => (session.expires_at ?? 0) * 1000 - expiryMarginMs - Date.now();

export function lazyAuth(url: string, key: string) {
  // supabase-js's key, so an officer signed in before keeps the session.
  const storageKey = `sb-${new URL(url).hostname.split('.')[0]}-auth-token`;
  const listeners = new Set<Listener>();
  let client: Promise<GoTrueClient> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  // Until the client is loaded, sign-ins and sign-outs of other tabs come from Auth's channel.
  let channel: BroadcastChannel | undefined;

  const emit: Listener = (event, session) => listeners.forEach((listener) => listener(event, session));

  function load(): Promise<GoTrueClient> {
    client ??= import('@supabase/auth-js').then(async ({ AuthClient }) => {
      channel?.close();
      clearTimeout(refreshTimer);
      const auth = new AuthClient({ url: `${url}/auth/v1`, headers: { apikey: key, Authorization: `Bearer ${key}` }, storageKey });
      // Subscribed once it has read (and perhaps refreshed) the stored session, which subscribers
      // already had from storage: only its loss is news to them. A SIGNED_IN for the same session
      // would have them read the officer again, racing a sign-out that follows.
      const { data } = await auth.getSession();
      if (!data.session) emit('SIGNED_OUT', null);
      auth.onAuthStateChange((event, session) => event !== 'INITIAL_SESSION' && emit(event, session));
      return auth;
    });
    return client;
  }

  function stored(): Session | null {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      return isSession(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** The session: from storage while its token is fresh, else through Auth's client. */
  async function currentSession(): Promise<Session | null> {
    // At build time there is no browser storage and no session.
    if (typeof localStorage === 'undefined') return null;
    const saved = client ? null : stored();
    if (!client && !saved) return null;
    if (saved && freshFor(saved) > 0) {
      refreshTimer ??= setTimeout(() => void load(), freshFor(saved));
      return saved;
    }
    const { data } = await (await load()).getSession();
    return data.session;
  }

  return {
    /** The signed-in officer's access token, or null (the anon key then stands in). */
    accessToken: async () => (await currentSession())?.access_token ?? null,
    onAuthStateChange(listener: Listener) {
      listeners.add(listener);
      if (!client && !channel && typeof BroadcastChannel !== 'undefined' && typeof window !== 'undefined') {
        channel = new BroadcastChannel(storageKey);
        channel.onmessage = ({ data }: MessageEvent<{ event: AuthChangeEvent; session: Session | null }>) => emit(data.event, data.session);
      }
      // Auth's client failing to load (offline) leaves the officer to sign in again.
      void currentSession()
        .catch(() => null)
        .then((session) => listener('INITIAL_SESSION', session));
      return { data: { subscription: { unsubscribe: () => void listeners.delete(listener) } } };
    },
    signInWithPassword: async (credentials: { email: string; password: string }) => (await load()).signInWithPassword(credentials),
    signOut: async () => (await load()).signOut(),
    /** The signed-in user's own password (the console's password page and first sign-in). */
    updatePassword: async (password: string) => (await load()).updateUser({ password }),
  };
}
