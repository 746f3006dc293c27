// Runs the Supabase CLI from node_modules against a stack's database: migrations, seed, reset,
// types and the advisors. It needs no Docker when given a database URL.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dbUrl, projectRoot, type StackConfig } from './config.ts';
import { migrationsDir } from './migrations-lock.ts';

const run = promisify(execFile);
const binary = path.join(projectRoot, 'node_modules/.bin/supabase');

/** Runs the CLI against a stack's database, or any database given by its URL. */
export async function supabaseCli(target: StackConfig | string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const url = typeof target === 'string' ? target : dbUrl(target);
  try {
    const { stdout, stderr } = await run(binary, [...args, `--remote=${url}`, '--workdir', projectRoot, '--yes'], {
      // The local Postgres listens on loopback only, without TLS. Never the CLI's experimental mode:
      // its db reset would build from supabase/schemas instead of the migrations, recording none.
      env: { ...process.env, PGSSLMODE: 'disable', SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', SUPABASE_EXPERIMENTAL: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`supabase ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/** Tells a running PostgREST to read the schema again after DDL (hosted does this by itself). */
export async function reloadPostgrestSchema(config: StackConfig): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl(config) });
  await client.connect();
  await client.query("notify pgrst, 'reload schema'").finally(() => client.end());
}

/** Versions the database records as applied that no file in supabase/migrations has. */
async function vanishedMigrations(config: StackConfig): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUrl(config) });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>(
      `select version from supabase_migrations.schema_migrations order by version`,
    ).catch((error: { code?: string }) => {
      // A new database: nothing applied yet.
      if (error.code === '42P01' || error.code === '3F000') return { rows: [] };
      throw error;
    });
    const local = new Set((await readdir(migrationsDir)).map((file) => file.split('_')[0]));
    return rows.map(({ version }) => version).filter((version) => !local.has(version));
  } finally {
    await client.end();
  }
}

/**
 * Applies the migrations not yet applied, then the seed when it has not run on this database.
 * A database built from migrations that are gone (the unreleased ones were squashed once) cannot
 * be brought forward: it stops with what to do instead of the CLI's advice to repair the history.
 */
export async function pushMigrations(config: StackConfig): Promise<void> {
  const vanished = await vanishedMigrations(config);
  if (vanished.length > 0) {
    throw new Error(
      `The database in ${path.relative(projectRoot, config.dataDir)} was built from migrations this checkout no longer has ` +
        `(${vanished.length > 3 ? `${vanished.length}: ${vanished[0]} … ${vanished.at(-1)}` : vanished.join(', ')}).\nRun \`npm run db:reset\` to rebuild it from supabase/migrations and the seed (its data is lost).`,
    );
  }
  await supabaseCli(config, ['db', 'push', '--include-seed']);
}

/** `supabase db reset`: drops what the migrations made, applies them and the seed again. */
export async function resetDatabase(config: StackConfig): Promise<string> {
  const { stdout, stderr } = await supabaseCli(config, ['db', 'reset']);
  return stdout + stderr;
}

/** The `Database` type for supabase-js, as committed in src/lib/database.types.ts. */
export async function generateTypes(config: StackConfig): Promise<string> {
  return (await supabaseCli(config, ['gen', 'types', 'typescript', '--schema', 'public'])).stdout;
}

export const typesFile = path.join(projectRoot, 'src/lib/database.types.ts');

/** Supabase's database linter; resolves with its report, rejects when a lint at warn level fires. */
export async function runAdvisors(config: StackConfig): Promise<string> {
  const { stdout, stderr } = await supabaseCli(config, ['db', 'advisors', '--type', 'all', '--fail-on', 'warn']);
  return stdout + stderr;
}
