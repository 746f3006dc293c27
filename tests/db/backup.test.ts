// `npm run db:backup` and `npm run db:restore` (scripts/lib/db-backup.ts): a database with the
// migrations, the seed and rows of its own is backed up, restored into a new data directory, and
// every table's rows there have the checksums they had in the original.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { backupDatabase, restoreDatabase, tableChecksums } from '../../scripts/lib/db-backup.ts';
import { pushMigrations } from '../../supabase/local/cli.ts';
import { dbUrl, projectRoot, superuser, testStack } from '../../supabase/local/config.ts';
import { startPostgres, stopLeftover } from '../../supabase/local/postgres.ts';
import { dbTestBasePort } from './support/global-setup.ts';

// One port for both (the database port is base + 1): the original is stopped before the restored one starts.
const original = testStack('test-db-backup-original', dbTestBasePort + 8);
const restored = testStack('test-db-backup-restored', dbTestBasePort + 8);
const backupDir = path.join(projectRoot, 'supabase/.data/test-db-backup-files');

async function cleanUp(): Promise<void> {
  for (const dir of [original.dataDir, restored.dataDir]) {
    await stopLeftover(dir);
    await rm(dir, { recursive: true, force: true });
  }
  await rm(backupDir, { recursive: true, force: true });
}

async function query(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(cleanUp);
afterAll(cleanUp);

test('a backup restored into a new data directory has every table\'s rows, checked by checksum', async () => {
  const postgres = await startPostgres(original, { durable: false });
  try {
    await pushMigrations(original);
    await query(
      dbUrl(original),
      `insert into public.organisation_requests (campaign_id, kind, name, ward_id, address, expected_people, contact_name, contact_phone,
                                                 contact_email, notes, preferred_from, preferred_to)
       select c.id, 'school', 'Trường THPT Hai Bà Trưng', u.id, '14 Lê Lợi, phường Vĩnh Ninh', 120, 'Cô Tôn Nữ Thị Ngọc Hân', '0905123456',
              v.email, v.notes, current_date + 3, current_date + 9
       from public.campaigns c
       join public.admin_units u on u.unit_set = c.unit_set and u.code = '19786'
       cross join (values ('hieutruong@example.vn', e'Ghi chú có dấu nháy \\' và xuống dòng\\n'), (null, null)) as v (email, notes)
       where c.slug = 'thua-thien-hue-2021'`,
    );
    await expect(backupDatabase(original, backupDir)).rejects.toThrow(/is running/);
  } finally {
    await postgres.stop();
  }

  const backup = await backupDatabase(original, backupDir);
  expect(backup.tables['public.organisation_requests']?.rows).toBe(2);
  expect(backup.tables['public.admin_units']?.rows).toBeGreaterThan(10_000);
  expect(backup.tables['supabase_migrations.schema_migrations']?.rows).toBeGreaterThan(10);

  expect(await restoreDatabase(backupDir, restored)).toEqual(backup.tables);
  await expect(restoreDatabase(backupDir, restored), 'an existing data directory is never overwritten').rejects.toThrow(/exists already/);

  // The checksums see a changed value where a count would not.
  const again = await startPostgres(restored, { durable: false });
  try {
    const url = dbUrl(restored, superuser);
    await query(url, `update public.organisation_requests set contact_name = 'Cô Tôn Nữ Thị Ngọc Hà' where contact_email is not null`);
    const changed = await tableChecksums(url);
    const differing = Object.keys(changed).filter((name) => changed[name]!.md5 !== backup.tables[name]!.md5);
    expect(differing).toEqual(['public.organisation_requests']);
    expect(changed['public.organisation_requests']!.rows).toBe(2);
  } finally {
    await again.stop();
  }
});
