// `npm run db:migration:lock`: records the new migrations of supabase/migrations in
// supabase/migrations.lock (their sha256), after the ones already there. It never rewrites a
// recorded line: a landed migration that changed is an error to undo, not to record.
import { appendFile } from 'node:fs/promises';
import { currentMigrations, lockedMigrations, lockFile, lockLine, lockViolations, unlockedMigrations } from '../supabase/local/migrations-lock.ts';

const locked = await lockedMigrations();
const current = await currentMigrations();
const violations = lockViolations(locked, current);
if (violations.length > 0) {
  console.error(violations.join('\n'));
  process.exit(1);
}
const lastLocked = locked.at(-1)?.file ?? '';
const added = unlockedMigrations(locked, current);
const early = added.filter(({ file }) => file < lastLocked);
if (early.length > 0) {
  console.error(`${early.map(({ file }) => file).join(', ')} would apply before ${lastLocked}, which has landed: give it a later timestamp`);
  process.exit(1);
}
for (const entry of added) {
  await appendFile(lockFile, lockLine(entry));
  console.log(`recorded ${entry.file}`);
}
if (added.length === 0) console.log('supabase/migrations.lock is up to date');
