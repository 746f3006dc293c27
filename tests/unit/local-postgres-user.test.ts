// The check that stops a root start whose postgres user could not reach the project (a clone
// under a 0700 /root), on real folders with real modes.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foldersBlocking, postgresUserProblem, type Account } from '../../supabase/local/postgres-user.ts';

describe('whether the postgres user can reach a folder', () => {
  let base: string;
  let locked: string;
  let inner: string;
  let data: string;
  const owner: Account = { uid: process.getuid?.() ?? 0, gids: [] };
  const stranger: Account = { uid: owner.uid + 1, gids: [] };
  const groupMember: Account = { uid: owner.uid + 1, gids: [process.getgid?.() ?? 0] };

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'postgres-user-'));
    await chmod(base, 0o755);
    locked = path.join(base, 'home');
    inner = path.join(locked, 'project/node_modules');
    data = path.join(locked, 'project/data');
    await mkdir(inner, { recursive: true });
    await mkdir(data);
    await chmod(locked, 0o700);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  test('names the folder above the project that only its owner may enter', () => {
    expect(foldersBlocking(inner, stranger)).toEqual([locked]);
    expect(foldersBlocking(base, stranger)).toEqual([]);
    expect(foldersBlocking(inner, owner)).toEqual([]);
  });

  test('lets a member of the folder’s group through when the group may enter', async () => {
    expect(foldersBlocking(inner, groupMember)).toEqual([locked]);
    await chmod(locked, 0o710);
    try {
      expect(foldersBlocking(inner, groupMember)).toEqual([]);
      expect(foldersBlocking(inner, stranger)).toEqual([locked]);
    } finally {
      await chmod(locked, 0o700);
    }
  });

  test('says what to do, once per blocked folder, and nothing when all is reachable', () => {
    const message = postgresUserProblem([inner, data], stranger);
    expect(message).toContain(`cannot enter ${locked},`);
    expect(message).toContain(`chmod o+x ${locked}\n`);
    expect(postgresUserProblem([inner], owner)).toBeUndefined();
  });
});
