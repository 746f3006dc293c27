import { describe, expect, test } from 'vitest';
import { lockViolations, unlockedMigrations, type LockEntry } from '../../supabase/local/migrations-lock.ts';

const locked: LockEntry[] = [
  { file: '20261205000101_units.sql', sha256: 'a'.repeat(64) },
  { file: '20261205000102_private.sql', sha256: 'b'.repeat(64) },
];

describe('the migrations lock', () => {
  test('names a landed migration that was edited or removed', () => {
    const current = [{ file: '20261205000101_units.sql', sha256: 'c'.repeat(64) }];
    expect(lockViolations(locked, current)).toEqual([
      'supabase/migrations/20261205000101_units.sql was edited after it landed: restore it (git checkout) and put the change in a new migration',
      'supabase/migrations/20261205000102_private.sql was removed after it landed: restore it; undo its change in a new migration',
    ]);
  });

  test('accepts landed migrations as they were, and lists the new ones to record', () => {
    const added = { file: '20261205001000_staff_writes.sql', sha256: 'd'.repeat(64) };
    const current = [...locked, added];
    expect(lockViolations(locked, current)).toEqual([]);
    expect(unlockedMigrations(locked, current)).toEqual([added]);
  });
});
