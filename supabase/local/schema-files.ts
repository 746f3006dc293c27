// The declarative schema files (supabase/schemas/), in the order `[db.migrations] schema_paths` of
// supabase/config.toml lists them, as the Supabase CLI reads that list. The migrations, not these
// files, build every database; a db test builds both and compares them. The schema files hold no
// rows: a build from them runs the reference-data migrations (the units) after them.
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { parse } from 'smol-toml';
import { projectRoot } from './config.ts';
import { referenceDataFiles } from './reference-data.ts';

const supabaseDir = path.join(projectRoot, 'supabase');

/** Each pattern's matches sorted by name, patterns in their listed order, each file once. */
export async function schemaFiles(): Promise<string[]> {
  const config = parse(await readFile(path.join(supabaseDir, 'config.toml'), 'utf8')) as {
    db?: { migrations?: { schema_paths?: string[] } };
  };
  const files: string[] = [];
  for (const pattern of config.db?.migrations?.schema_paths ?? []) {
    const matches = (await Array.fromAsync(glob(pattern, { cwd: supabaseDir }))).sort();
    for (const match of matches) if (!files.includes(match)) files.push(match);
  }
  return files.map((file) => path.join(supabaseDir, file));
}

/** Runs the schema files, in order, then the reference data, on a database as the role migrations run as. */
export async function applySchemaFiles(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const file of [...(await schemaFiles()), ...referenceDataFiles]) {
      await client.query(await readFile(file, 'utf8')).catch((error: Error) => {
        throw new Error(`${path.relative(projectRoot, file)}: ${error.message}`);
      });
    }
  } finally {
    await client.end();
  }
}
