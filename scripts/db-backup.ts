// `npm run db:backup [-- <directory>]`: backs up the local dev database (supabase/.data/dev) into a
// new directory, by default supabase/backups/<date-time>/: the data directory copied with Postgres
// stopped, and every table's checksum (scripts/lib/db-backup.ts says why this way). Stop
// `npm run dev` first.
import path from 'node:path';
import { devStack, projectRoot } from '../supabase/local/config.ts';
import { backupDatabase } from './lib/db-backup.ts';

const stamp = new Date().toISOString().replace(/\..*$/, '').replaceAll(':', '-');
const target = path.resolve(process.argv[2] ?? path.join(projectRoot, 'supabase/backups', stamp));
try {
  const manifest = await backupDatabase(devStack, target);
  const tables = Object.values(manifest.tables);
  console.log(
    `Backed up ${path.relative(projectRoot, devStack.dataDir)} (PostgreSQL ${manifest.postgresVersion}) into ${target}: ` +
      `${tables.length} tables, ${tables.reduce((sum, table) => sum + table.rows, 0)} rows, each table's checksum in checksums.json.\n` +
      `Restore it with: npm run db:restore -- ${path.relative(process.cwd(), target)}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
