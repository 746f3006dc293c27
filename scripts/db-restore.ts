// `npm run db:restore -- <backup directory> [<data directory>]`: restores a backup made by
// `npm run db:backup` into a new data directory (by default the dev database's, supabase/.data/dev,
// whose current one is moved aside to dev.before-restore-<date-time>, never deleted), and checks
// every table's checksum against the backup's. Stop `npm run dev` first.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { devStack, projectRoot } from '../supabase/local/config.ts';
import { assertStopped, restoreDatabase } from './lib/db-backup.ts';

const [source, into] = process.argv.slice(2);
if (!source) {
  console.error('Usage: npm run db:restore -- <backup directory> [<data directory>]');
  process.exit(2);
}
// The dev stack's ports: the stack is stopped while its database is restored.
const config = { ...devStack, dataDir: path.resolve(into ?? devStack.dataDir) };
let aside: string | undefined;
try {
  if (!into && existsSync(config.dataDir)) {
    await assertStopped(config.dataDir);
    aside = `${config.dataDir}.before-restore-${new Date().toISOString().replace(/\..*$/, '').replaceAll(':', '-')}`;
    await rename(config.dataDir, aside);
    console.log(`Moved the current database aside to ${path.relative(projectRoot, aside)}`);
  }
  const tables = await restoreDatabase(path.resolve(source), config);
  console.log(`Restored ${path.resolve(source)} into ${config.dataDir}: all ${Object.keys(tables).length} tables match the backup's checksums.`);
} catch (error) {
  console.error((error as Error).message);
  // A failed restore leaves no directory behind: the database moved aside goes back.
  if (aside && !existsSync(config.dataDir)) await rename(aside, config.dataDir);
  process.exitCode = 1;
}
