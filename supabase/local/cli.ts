// Runs the Supabase CLI from node_modules against a stack's database: migrations, seed, reset,
// types and the advisors. It needs no Docker when given a database URL.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dbUrl, projectRoot, type StackConfig } from './config.ts';

const run = promisify(execFile);
const binary = path.join(projectRoot, 'node_modules/.bin/supabase');

/** Runs the CLI against a stack's database, or any database given by its URL. */
export async function supabaseCli(target: StackConfig | string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const url = typeof target === 'string' ? target : dbUrl(target);
  try {
    const { stdout, stderr } = await run(binary, [...args, `--remote=${url}`, '--workdir', projectRoot, '--yes'], {
      // The local Postgres listens on loopback only, without TLS.
      env: { ...process.env, PGSSLMODE: 'disable', SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
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

/** Applies the migrations not yet applied, then the seed when it has not run on this database. */
export async function pushMigrations(config: StackConfig): Promise<void> {
  await supabaseCli(config, ['db', 'push', '--include-seed']);
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
