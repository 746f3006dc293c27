// No row of personal data is readable or writable by anonymous callers or signed-in citizens;
// public reference data is readable and nothing else.
import { describe, expect, test } from 'vitest';
import { asRole, anonClient, signedInUser, stack } from './support/clients.ts';
import { sql } from './support/fixtures.ts';

const personalTables = ['booking_groups', 'bookings', 'staff_members'] as const;

test('every table in public has row level security on', async () => {
  const rows = await sql<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`,
  );
  expect(rows).toEqual([]);
});

test('the private schema is not reachable through the API', async () => {
  const response = await fetch(`${stack.apiUrl}/rest/v1/rate_limit_counters`, {
    headers: { apikey: stack.publishableKey, 'accept-profile': 'private' },
  });
  expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([406, 'PGRST106']);
});

for (const who of ['anon', 'a signed-in citizen'] as const) {
  describe(`${who}`, () => {
    const client = async () => (who === 'anon' ? anonClient() : (await signedInUser()).client);

    for (const table of personalTables) {
      test(`reads no row of ${table}`, async () => {
        const { data, error } = await (await client()).from(table).select('*');
        // Either refused outright or shown nothing: never a row.
        expect(data ?? []).toEqual([]);
        if (table !== 'staff_members') expect(error?.code).toBe('42501');
      });

      test(`cannot write ${table}`, async () => {
        const c = await client();
        expect((await c.from(table).insert({} as never)).error?.code).toBe('42501');
        expect((await c.from(table).update({ created_at: new Date().toISOString() } as never).gte('created_at', '1970-01-01')).error?.code).toBe('42501');
        expect((await c.from(table).delete().gte('created_at', '1970-01-01')).error?.code).toBe('42501');
      });
    }

    test('cannot run the retention purge', async () => {
      const { error } = await (await client()).rpc('purge_personal_data', { p_retention_days: 0 });
      expect(error?.code).toBe('42501');
    });

    test('cannot change public reference data', async () => {
      const c = await client();
      expect((await c.from('campaigns').update({ quota: 1 }).eq('slug', 'thua-thien-hue-2021')).error?.code).toBe('42501');
      // Shifts change only through the staff functions, for staff and citizens alike.
      expect((await c.from('shifts').update({ capacity: 4999 }).gt('id', 0)).error?.code).toBe('42501');
      expect(await sql('select id from public.shifts where capacity = 4999')).toEqual([]);
      expect((await c.from('daily_intake_counts').insert({} as never)).error?.code).toBe('42501');
    });
  });
}

test('in SQL, the anon and authenticated roles are refused personal tables outright', async () => {
  for (const role of ['anon', 'authenticated'] as const) {
    for (const table of ['booking_groups', 'bookings']) {
      await expect(asRole(role, (db) => db.query(`select * from public.${table}`))).rejects.toThrow(/permission denied/);
    }
    await expect(asRole(role, (db) => db.query('select * from private.rate_limit_counters'))).rejects.toThrow(/permission denied/);
  }
});
