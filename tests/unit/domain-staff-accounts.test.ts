// The staff accounts' pure rules: which roles an administrator may give, the new-account form as
// the function takes it, the audit page's filters from the address, the temporary password, and
// the password rule and ban durations as Supabase Auth reads them.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  minimumPasswordLength,
  readAuditFilters,
  readNewAccount,
  rolesToGive,
  hasLettersAndDigits,
  temporaryPassword,
  type RoleDefinition,
} from '../../src/domain/staff-accounts.ts';
import { goDurationMs, minimumPasswordLength as localAuthMinimum, passwordRequirements } from '../../supabase/local/auth.ts';

const roles: RoleDefinition[] = [
  { role: 'province_admin', level: 1, unit_sets: ['2021', '2025'], site_bound: false },
  { role: 'district_officer', level: 2, unit_sets: ['2021'], site_bound: false },
  { role: 'commune_officer', level: 3, unit_sets: ['2021', '2025'], site_bound: false },
  { role: 'volunteer', level: 3, unit_sets: ['2021', '2025'], site_bound: true },
];
const role = (name: string) => roles.find((each) => each.role === name)!;
const names = (given: RoleDefinition[]) => given.map((each) => each.role);

describe('rolesToGive', () => {
  test('a province administrator gives the roles below it that exist in its unit set', () => {
    expect(names(rolesToGive(role('province_admin'), '2021', roles))).toEqual(['district_officer', 'commune_officer', 'volunteer']);
    expect(names(rolesToGive(role('province_admin'), '2025', roles))).toEqual(['commune_officer', 'volunteer']);
  });

  test('a district officer gives the commune roles; a commune officer and a volunteer give none', () => {
    expect(names(rolesToGive(role('district_officer'), '2021', roles))).toEqual(['commune_officer', 'volunteer']);
    expect(rolesToGive(role('commune_officer'), '2021', roles)).toEqual([]);
    expect(rolesToGive(role('volunteer'), '2021', roles)).toEqual([]);
  });
});

describe('readNewAccount', () => {
  const draft = { email: ' tnv@example.vn ', displayName: ' Đoàn thanh niên ', role: 'volunteer', unitId: '12', siteId: '7' };

  test('a volunteer with a site becomes the function’s payload, trimmed and numeric', () => {
    expect(readNewAccount(draft, true)).toEqual({ ok: true, data: { email: 'tnv@example.vn', displayName: 'Đoàn thanh niên', role: 'volunteer', unitId: 12, siteId: 7 } });
  });

  test('an officer’s payload has no site, even when one was chosen before the role changed', () => {
    const read = readNewAccount({ ...draft, role: 'commune_officer' }, false);
    expect(read.ok && read.data.siteId).toBeUndefined();
  });

  test('each missing or wrong field is named by a message key, a volunteer’s site too', () => {
    const read = readNewAccount({ email: 'not an email', displayName: 'A', role: '', unitId: '', siteId: '' }, true);
    expect(read.ok ? [] : read.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['email', 'staffAccounts:form.emailInvalid'],
      ['displayName', 'staffAccounts:form.nameInvalid'],
      ['role', 'staffAccounts:form.roleRequired'],
      ['unitId', 'staffAccounts:form.unitRequired'],
      ['siteId', 'staffAccounts:form.siteRequired'],
    ]);
  });
});

describe('readAuditFilters', () => {
  test('keeps well-formed filters, drops the others, and puts a reversed range the right way round', () => {
    const actor = '0b9d3f4e-8c1a-4d2b-9f3e-1a2b3c4d5e6f';
    expect(readAuditFilters(new URLSearchParams(`from=2026-12-05&to=2026-12-01&actor=${actor}`))).toEqual({ from: '2026-12-01', to: '2026-12-05', actor });
    expect(readAuditFilters(new URLSearchParams('from=05/12/2026&to=&actor=someone'))).toEqual({});
  });
});

describe('temporaryPassword', () => {
  test('16 characters without look-alikes, different each time', () => {
    const made = new Set(Array.from({ length: 200 }, () => temporaryPassword()));
    expect(made.size).toBe(200);
    for (const password of made) expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
  });

  test('always has a letter and a digit, which Auth’s rule asks', () => {
    for (let i = 0; i < 2000; i++) expect(hasLettersAndDigits(temporaryPassword())).toBe(true);
  });
});

describe('Supabase Auth’s rules as the local stack reads them', () => {
  test('the forms’ minimum password length is the one supabase/config.toml gives Auth', () => {
    const config = readFileSync(new URL('../../supabase/config.toml', import.meta.url), 'utf8');
    expect(Number(/^minimum_password_length\s*=\s*(\d+)/m.exec(config)?.[1])).toBe(minimumPasswordLength);
    expect(localAuthMinimum).toBe(minimumPasswordLength);
    // The forms ask for letters and digits: the rule the local Auth reads and a hosted project is given.
    expect(/^password_requirements\s*=\s*"([a-z_]*)"/m.exec(config)?.[1]).toBe('letters_digits');
    expect(passwordRequirements).toBe('letters_digits');
  });

  test('ban durations are Go durations', () => {
    expect(goDurationMs('876000h')).toBe(876000 * 3_600_000);
    expect(goDurationMs('1h30m')).toBe(5_400_000);
    expect(goDurationMs('1.5s')).toBe(1500);
    expect(goDurationMs('forever')).toBeNull();
    expect(goDurationMs('10')).toBeNull();
    expect(goDurationMs('1h junk')).toBeNull();
  });
});
