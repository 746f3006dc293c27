// The local stack behaves like hosted Supabase where the site and the tests depend on it.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nullable, strictObject, string } from 'zod/mini';
import { generateTypes, runAdvisors, typesFile } from '../../supabase/local/cli.ts';
import { anonClient, asRole, serviceClient, signedInUser, stack } from './support/clients.ts';

describe('the anon key', () => {
  test('cannot read auth.users through the API', async () => {
    const { data, error } = await anonClient().schema('auth' as 'public').from('users' as 'campaigns').select('*');
    expect(data).toBeNull();
    expect(error).not.toBeNull();
  });

  test('cannot read auth.users in SQL either', async () => {
    await expect(asRole('anon', (db) => db.query('select email from auth.users'))).rejects.toThrow(/permission denied/);
  });

  test('reads the seeded campaigns', async () => {
    const { data, error } = await anonClient().from('campaigns').select('slug, quota').eq('slug', 'thua-thien-hue-2021');
    expect(error).toBeNull();
    expect(data).toEqual([{ slug: 'thua-thien-hue-2021', quota: 732000 }]);
  });

  test('is refused when it is not a key of this project', async () => {
    const response = await fetch(`${stack.apiUrl}/rest/v1/campaigns`, { headers: { apikey: 'sb_publishable_wrong' } });
    expect(response.status).toBe(401);
  });
});

const whoamiSchema = strictObject({ uid: nullable(string()), role: string() });

describe('a user signed in through the gateway', () => {
  // A function of the test's own, so the product schema carries nothing for tests. It answers json,
  // not jsonb: answers.test.ts holds the public jsonb functions to those with a declared answer.
  beforeAll(async () => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    await db.query(`
      create or replace function public.test_whoami() returns json language sql stable security invoker
      set search_path = '' as $$ select json_build_object('uid', auth.uid(), 'role', auth.role()) $$;
      revoke execute on function public.test_whoami() from public;
      grant execute on function public.test_whoami() to anon, authenticated;
      notify pgrst, 'reload schema';`);
    await db.end();
  });
  afterAll(async () => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    await db.query(`drop function public.test_whoami(); notify pgrst, 'reload schema';`);
    await db.end();
  });

  async function whoami(client: ReturnType<typeof anonClient>) {
    for (;;) {
      const { data, error } = await client.rpc('test_whoami' as never);
      // PostgREST needs a moment to see the new function after the reload notice.
      if (error?.code === 'PGRST202') await new Promise((resolve) => setTimeout(resolve, 100));
      else if (error) throw error;
      else return whoamiSchema.parse(data);
    }
  }

  test('reaches PostgREST as authenticated, and auth.uid() is their id', async () => {
    const user = await signedInUser();
    expect(await whoami(user.client)).toEqual({ uid: user.id, role: 'authenticated' });
  });

  test('an anonymous caller has no uid', async () => {
    expect(await whoami(anonClient())).toEqual({ uid: null, role: 'anon' });
  });

  test('gets their own user back, refreshes the session and signs out', async () => {
    const user = await signedInUser();
    const { data: got } = await user.client.auth.getUser();
    expect(got.user?.email).toBe(user.email);

    const { data: refreshed, error } = await user.client.auth.refreshSession();
    expect(error).toBeNull();
    expect(refreshed.session?.access_token).toBeTruthy();

    const oldToken = refreshed.session!.access_token;
    expect((await user.client.auth.signOut()).error).toBeNull();
    const afterSignOut = await fetch(`${stack.apiUrl}/auth/v1/user`, {
      headers: { apikey: stack.publishableKey, authorization: `Bearer ${oldToken}` },
    });
    expect(afterSignOut.status).toBe(403);
  });
});

describe('sign-in errors have the shape of Supabase Auth', () => {
  test('a wrong password gets 400 invalid_credentials', async () => {
    const user = await signedInUser();
    const { data, error } = await anonClient().auth.signInWithPassword({ email: user.email, password: 'not-the-password' });
    expect(data.session).toBeNull();
    expect(error?.name).toBe('AuthApiError');
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });

  test('an unknown email gets the same answer as a wrong password', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: 'nobody@example.test', password: 'whatever-123' });
    expect([error?.status, error?.code, error?.message]).toEqual([400, 'invalid_credentials', 'Invalid login credentials']);
  });

  test('creating users needs the secret key', async () => {
    const { error } = await anonClient().auth.admin.createUser({ email: 'x@example.test', password: 'abcdefghij' });
    expect([error?.status, error?.code]).toEqual([403, 'not_admin']);
  });

  test('a second account with the same email is refused', async () => {
    const user = await signedInUser();
    const { error } = await serviceClient().auth.admin.createUser({ email: user.email, password: 'abcdefghijk-1', email_confirm: true });
    expect([error?.status, error?.code]).toEqual([422, 'email_exists']);
  });
});

describe('the schema', () => {
  test("passes Supabase's database advisors", async () => {
    await expect(runAdvisors(stack.config)).resolves.toMatch(/No issues found/);
  });

  test('matches the committed generated types (run `npm run db:types` when this fails)', async () => {
    expect(await generateTypes(stack.config)).toBe(await readFile(typesFile, 'utf8'));
  });
});
