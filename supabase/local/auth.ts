// The subset of Supabase Auth (GoTrue) that supabase-js needs for staff sign-in, served by the
// local gateway over auth.users. Local only: hosted projects use the real Supabase Auth.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { signAccessToken, verifyToken } from './keys.ts';

const accessTokenSeconds = 3600;
const refreshReuseSeconds = 10;

/** The password rule `supabase config push` gives a hosted project, read from the same file. */
const authConfig = readFileSync(new URL('../config.toml', import.meta.url), 'utf8');
export const minimumPasswordLength = Number(/^minimum_password_length\s*=\s*(\d+)/m.exec(authConfig)?.[1] ?? 6);
export const passwordRequirements = /^password_requirements\s*=\s*"([a-z_]*)"/m.exec(authConfig)?.[1] ?? '';
// The character sets each requirement asks one of, as Supabase Auth lists them.
const requiredCharacters: Record<string, string[]> = {
  letters_digits: ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
  lower_upper_letters_digits: ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
};

// Go's time.ParseDuration units, as Supabase Auth reads ban_duration ("876000h", "1h30m").
const durationUnitsMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a Go duration, or null when it is not one. */
export function goDurationMs(text: string): number | null {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return null;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * durationUnitsMs[unit!]!, 0);
}

interface UserRow {
  id: string;
  email: string | null;
  phone: string | null;
  role: string;
  aud: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  banned_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra fields of the answer, as Supabase Auth adds them to some errors (weak_password). */
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** Supabase Auth's password strength check, on every call that sets a password. */
function checkPassword(password: string): void {
  if (password.length < minimumPasswordLength) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${minimumPasswordLength} characters.`, {
      weak_password: { reasons: ['length'] },
    });
  }
  const sets = requiredCharacters[passwordRequirements] ?? [];
  if (!sets.every((set) => [...password].some((character) => set.includes(character)))) {
    throw new AuthError(422, 'weak_password', `Password should contain at least one character of each: ${sets.join(', ')}.`, {
      weak_password: { reasons: ['characters'] },
    });
  }
}

function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

const bannedError = () => new AuthError(400, 'user_banned', 'User is banned');

const userColumns = `id, email, phone, role, aud, email_confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at`;

function userJson(row: UserRow) {
  return {
    id: row.id,
    aud: row.aud,
    role: row.role,
    email: row.email ?? '',
    phone: row.phone ?? '',
    email_confirmed_at: row.email_confirmed_at?.toISOString(),
    confirmed_at: row.email_confirmed_at?.toISOString(),
    last_sign_in_at: row.last_sign_in_at?.toISOString(),
    app_metadata: row.raw_app_meta_data,
    user_metadata: row.raw_user_meta_data,
    identities: [],
    // Supabase Auth leaves the field out of a user never banned.
    ...(row.banned_until ? { banned_until: row.banned_until.toISOString() } : {}),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    is_anonymous: false,
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through to the same answer as a body that is not an object
  }
  throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function bearer(req: IncomingMessage): string {
  const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
  return match[1];
}

export function createAuthHandler(pool: pg.Pool, issuer: string) {
  // Supabase Auth migrates its own tables: a data directory bootstrapped before bans were served
  // gets the column here, once per start.
  const schemaReady = pool.query('alter table auth.users add column if not exists banned_until timestamptz');

  async function findUser(id: string): Promise<UserRow> {
    const { rows } = await pool.query<UserRow>(
      `select ${userColumns} from auth.users where id = $1 and deleted_at is null`,
      [id],
    );
    if (!rows[0]) throw new AuthError(404, 'user_not_found', 'User not found');
    return rows[0];
  }

  async function issueSession(user: UserRow, sessionId: string, refreshToken: string) {
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + accessTokenSeconds;
    const accessToken = await signAccessToken({
      iss: issuer,
      sub: user.id,
      aud: 'authenticated',
      exp: expiresAt,
      iat: now,
      email: user.email ?? '',
      phone: user.phone ?? '',
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: sessionId,
      app_metadata: user.raw_app_meta_data,
      user_metadata: user.raw_user_meta_data,
      is_anonymous: false,
    });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: accessTokenSeconds,
      expires_at: expiresAt,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  async function newRefreshToken(userId: string, sessionId: string, parent: string | null): Promise<string> {
    const token = randomBytes(16).toString('base64url');
    await pool.query(
      'insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)',
      [token, userId, sessionId, parent],
    );
    return token;
  }

  async function passwordGrant(body: Record<string, unknown>) {
    const { rows } = await pool.query<UserRow>(
      `select ${userColumns} from auth.users
        where email = lower($1) and deleted_at is null
          and encrypted_password = extensions.crypt($2, encrypted_password)`,
      [text(body.email).trim(), text(body.password)],
    );
    const user = rows[0];
    if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
    if (isBanned(user)) throw bannedError();
    const session = await pool.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [user.id]);
    const sessionId = session.rows[0]!.id;
    const signedIn = await pool.query<UserRow>(
      `update auth.users set last_sign_in_at = now() where id = $1 returning ${userColumns}`,
      [user.id],
    );
    return issueSession(signedIn.rows[0]!, sessionId, await newRefreshToken(user.id, sessionId, null));
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const { rows } = await pool.query<{ user_id: string; session_id: string; revoked: boolean; reusable: boolean }>(
      `update auth.refresh_tokens set revoked = true, updated_at = case when revoked then updated_at else now() end
        where token = $1
        returning user_id, session_id, revoked, updated_at > now() - make_interval(secs => $2) as reusable`,
      [text(body.refresh_token), refreshReuseSeconds],
    );
    const used = rows[0];
    if (!used) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const user = await findUser(used.user_id);
    if (isBanned(user)) throw bannedError();
    if (used.revoked && !used.reusable) {
      // A stolen token replayed after rotation: end the whole session, as Supabase Auth does.
      await pool.query('delete from auth.sessions where id = $1', [used.session_id]);
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    if (used.revoked) {
      // Inside the reuse interval (two tabs refreshing at once) both get the same successor.
      const child = await pool.query<{ token: string }>(
        'select token from auth.refresh_tokens where parent = $1 and not revoked order by id desc limit 1',
        [text(body.refresh_token)],
      );
      if (child.rows[0]) return issueSession(user, used.session_id, child.rows[0].token);
    }
    return issueSession(user, used.session_id, await newRefreshToken(user.id, used.session_id, text(body.refresh_token)));
  }

  async function claimsOf(req: IncomingMessage) {
    const claims = await verifyToken(bearer(req));
    if (!claims) throw new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is expired');
    return claims;
  }

  async function currentUser(req: IncomingMessage) {
    const claims = await claimsOf(req);
    if (claims.role !== 'authenticated' || typeof claims.sub !== 'string') {
      throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    }
    const session = await pool.query('select 1 from auth.sessions where id = $1', [claims.session_id]);
    if (!session.rowCount) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { claims, user: await findUser(claims.sub) };
  }

  async function logout(req: IncomingMessage, scope: string) {
    const { claims, user } = await currentUser(req);
    if (!['global', 'local', 'others'].includes(scope)) throw new AuthError(400, 'validation_failed', 'Unsupported logout scope');
    await pool.query(
      `delete from auth.sessions where user_id = $1
         and case $3 when 'local' then id = $2 when 'others' then id <> $2 else true end`,
      [user.id, claims.session_id, scope],
    );
  }

  async function requireServiceRole(req: IncomingMessage) {
    const claims = await claimsOf(req);
    if (claims.role !== 'service_role') throw new AuthError(403, 'not_admin', 'User not allowed');
  }

  /** The banned_until a ban_duration sets: null for "none", undefined when none was sent. */
  function bannedUntil(body: Record<string, unknown>): Date | null | undefined {
    if (body.ban_duration === undefined || body.ban_duration === '') return undefined;
    const duration = text(body.ban_duration);
    if (duration === 'none') return null;
    const ms = goDurationMs(duration);
    if (ms === null) throw new AuthError(400, 'validation_failed', `invalid format for ban duration: time: invalid duration "${duration}"`);
    return new Date(Date.now() + ms);
  }

  async function createUser(body: Record<string, unknown>) {
    const email = text(body.email).trim().toLowerCase();
    if (!email.includes('@')) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    const password = text(body.password);
    if (password) checkPassword(password);
    const banned = bannedUntil(body);
    const appMetadata = { ...(body.app_metadata as object | undefined), provider: 'email', providers: ['email'] };
    try {
      const { rows } = await pool.query<UserRow>(
        `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, banned_until)
         values ($1, case when $2 = '' then null else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
                 case when $3 then now() end, $4, $5, $6)
         returning ${userColumns}`,
        [email, password, body.email_confirm === true, appMetadata, body.user_metadata ?? {}, banned ?? null],
      );
      return userJson(rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
      }
      throw error;
    }
  }

  /** PUT /admin/users/{id}: password, email confirmation, metadata (merged) and ban, as sent. */
  async function updateUser(id: string, body: Record<string, unknown>) {
    const current = await findUser(id);
    if (text(body.password)) checkPassword(text(body.password));
    const banned = bannedUntil(body);
    const { rows } = await pool.query<UserRow>(
      `update auth.users set
         encrypted_password = case when $2 = '' then encrypted_password else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
         email_confirmed_at = case when $3 then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
         raw_app_meta_data = $4, raw_user_meta_data = $5,
         banned_until = case when $6 then $7::timestamptz else banned_until end, updated_at = now()
       where id = $1 returning ${userColumns}`,
      [
        id,
        text(body.password),
        body.email_confirm === true,
        { ...current.raw_app_meta_data, ...(body.app_metadata as object | undefined) },
        { ...current.raw_user_meta_data, ...(body.user_metadata as object | undefined) },
        banned !== undefined,
        banned ?? null,
      ],
    );
    return userJson(rows[0]!);
  }

  /**
   * PUT /user: the signed-in user's own password and metadata (auth-js updateUser). A password
   * equal to the current one is refused, as Supabase Auth refuses it.
   */
  async function updateOwnUser(req: IncomingMessage, body: Record<string, unknown>) {
    const { user } = await currentUser(req);
    const password = text(body.password);
    if (password) {
      checkPassword(password);
      const same = await pool.query('select 1 from auth.users where id = $1 and encrypted_password = extensions.crypt($2, encrypted_password)', [
        user.id,
        password,
      ]);
      if (same.rowCount) throw new AuthError(422, 'same_password', 'New password should be different from the old password.');
    }
    const { rows } = await pool.query<UserRow>(
      `update auth.users set
         encrypted_password = case when $2 = '' then encrypted_password else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
         raw_user_meta_data = $3, updated_at = now()
       where id = $1 returning ${userColumns}`,
      [user.id, password, { ...user.raw_user_meta_data, ...(body.data as object | undefined) }],
    );
    return userJson(rows[0]!);
  }

  async function listUsers(url: URL) {
    const perPage = Math.min(Number(url.searchParams.get('per_page')) || 50, 1000);
    const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
    const { rows } = await pool.query<UserRow>(
      `select ${userColumns} from auth.users where deleted_at is null order by created_at, id limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    );
    return { users: rows.map(userJson), aud: 'authenticated' };
  }

  async function route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const method = req.method ?? 'GET';
    const adminUser = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (method === 'POST' && url.pathname === '/token') {
      const grant = url.searchParams.get('grant_type');
      const body = await readJson(req);
      if (grant === 'password') return [200, await passwordGrant(body)];
      if (grant === 'refresh_token') return [200, await refreshGrant(body)];
      throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
    }
    if (method === 'GET' && url.pathname === '/user') return [200, userJson((await currentUser(req)).user)];
    if (method === 'PUT' && url.pathname === '/user') return [200, await updateOwnUser(req, await readJson(req))];
    if (method === 'POST' && url.pathname === '/logout') {
      await logout(req, url.searchParams.get('scope') ?? 'global');
      return [204, null];
    }
    if (method === 'GET' && url.pathname === '/health') return [200, { name: 'local-auth', description: 'local stack' }];
    if (url.pathname === '/admin/users' || adminUser) {
      await requireServiceRole(req);
      if (!adminUser && method === 'POST') return [200, await createUser(await readJson(req))];
      if (!adminUser && method === 'GET') return [200, await listUsers(url)];
      const id = adminUser?.[1];
      if (id && method === 'GET') return [200, userJson(await findUser(id))];
      if (id && method === 'PUT') return [200, await updateUser(id, await readJson(req))];
      if (id && method === 'DELETE') {
        await findUser(id);
        await pool.query('delete from auth.users where id = $1', [id]);
        return [200, {}];
      }
    }
    throw new AuthError(404, 'not_found', 'Not found');
  }

  return async function handleAuth(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const url = new URL(path, 'http://local');
    let status: number;
    let body: unknown;
    try {
      await schemaReady;
      [status, body] = await route(req, url);
    } catch (error) {
      if (!(error instanceof AuthError)) console.error('[auth]', error);
      const known = error instanceof AuthError ? error : new AuthError(500, 'unexpected_failure', 'Unexpected failure');
      [status, body] = [known.status, { code: known.code, error_code: known.code, msg: known.message, message: known.message, ...known.extra }];
    }
    res.writeHead(status, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
    res.end(status === 204 ? undefined : JSON.stringify(body));
  };
}
