// The migrations deliver the schema; supabase/schemas/ is its readable definition. Both must build
// the same database, landed migrations never change, and a database built from migrations that are
// gone is refused with what to do.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pushMigrations, resetDatabase, supabaseCli } from '../../supabase/local/cli.ts';
import { dbUrl } from '../../supabase/local/config.ts';
import { currentMigrations, lockedMigrations, lockViolations, unlockedMigrations } from '../../supabase/local/migrations-lock.ts';
import { applySchemaFiles } from '../../supabase/local/schema-files.ts';
import { catalogDifferences, readCatalog } from './support/catalog.ts';
import { dbTestBasePort } from './support/global-setup.ts';
import { startScratchPostgres, type ScratchPostgres } from './support/scratch-postgres.ts';

async function catalogOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readCatalog(client);
  } finally {
    await client.end();
  }
}

async function appliedVersions(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by 1')).rows.map((row) => row.version);
  } finally {
    await client.end();
  }
}

describe('supabase/migrations.lock', () => {
  test('no landed migration was edited or removed', async () => {
    const violations = lockViolations(await lockedMigrations(), await currentMigrations());
    expect(violations, `${violations.join('\n')}\nA landed migration may have run on a hosted project: change the schema with a new migration (and the schema file).`).toEqual([]);
  });

  test('every migration is recorded', async () => {
    const unrecorded = unlockedMigrations(await lockedMigrations(), await currentMigrations()).map(({ file }) => file);
    expect(unrecorded, `not in supabase/migrations.lock: ${unrecorded.join(', ')}; record them with \`npm run db:migration:lock\``).toEqual([]);
  });
});

describe('built side by side', () => {
  let postgres: ScratchPostgres;
  beforeAll(async () => {
    postgres = await startScratchPostgres('test-db-builds', dbTestBasePort + 4);
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  test('the migrations and the schema files make the same database', { timeout: 180_000 }, async () => {
    const fromMigrations = await postgres.createDatabase('from_migrations');
    const fromSchemas = await postgres.createDatabase('from_schemas');
    await supabaseCli(fromMigrations, ['db', 'push']);
    await applySchemaFiles(fromSchemas);
    const differences = catalogDifferences(await catalogOf(fromMigrations), await catalogOf(fromSchemas), ['migrations', 'schema files']);
    expect(differences, `supabase/migrations and supabase/schemas differ:\n${differences.join('\n')}\n` +
      'A change edits the schema file of its domain and adds a migration that makes the same change.').toEqual([]);
  });

  test('a database built from migrations that are gone is refused until npm run db:reset', { timeout: 180_000 }, async () => {
    const url = dbUrl(postgres.config);
    await pushMigrations(postgres.config);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("insert into supabase_migrations.schema_migrations (version, name) values ('20261123000700', 'booking_functions')");
    await client.end();

    await expect(pushMigrations(postgres.config)).rejects.toThrow(/no longer has \(20261123000700\)\.\nRun `npm run db:reset`/);

    await resetDatabase(postgres.config);
    await pushMigrations(postgres.config);
    expect(await appliedVersions(url)).toEqual((await currentMigrations()).map(({ file }) => file.split('_')[0]));
  });
});
