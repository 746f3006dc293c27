// supabase/migrations.lock: the sha256 of every landed migration, one `<sha256>  migrations/<file>`
// line each (`cd supabase && sha256sum -c migrations.lock` checks it too). A migration that has
// landed may have run on a hosted project: it is never edited or removed, a change is a new one.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './config.ts';

export const migrationsDir = path.join(projectRoot, 'supabase/migrations');
export const lockFile = path.join(projectRoot, 'supabase/migrations.lock');

export interface LockEntry {
  file: string;
  sha256: string;
}

/** The migration files as they are now, in the order they apply. */
export async function currentMigrations(): Promise<LockEntry[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(files.map(async (file) => ({
    file,
    sha256: createHash('sha256').update(await readFile(path.join(migrationsDir, file))).digest('hex'),
  })));
}

export async function lockedMigrations(): Promise<LockEntry[]> {
  const text = await readFile(lockFile, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => {
    const [sha256, name] = line.split(/\s+/);
    return { sha256: sha256!, file: path.basename(name!) };
  });
}

export function lockLine(entry: LockEntry): string {
  return `${entry.sha256}  migrations/${entry.file}\n`;
}

/** Landed migrations that were edited or removed, each with what to do instead. */
export function lockViolations(locked: LockEntry[], current: LockEntry[]): string[] {
  return locked.flatMap(({ file, sha256 }) => {
    const now = current.find((entry) => entry.file === file);
    if (!now) return [`supabase/migrations/${file} was removed after it landed: restore it; undo its change in a new migration`];
    if (now.sha256 !== sha256) {
      return [`supabase/migrations/${file} was edited after it landed: restore it (git checkout) and put the change in a new migration`];
    }
    return [];
  });
}

/** Migrations not in the lock yet; they must sort after every locked one. */
export function unlockedMigrations(locked: LockEntry[], current: LockEntry[]): LockEntry[] {
  return current.filter((entry) => !locked.some(({ file }) => file === entry.file));
}
