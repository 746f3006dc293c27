// The refusals the site can show are the ones the database can give: every code a function raises
// (private.refuse, private.refusal, private.raise_refusal with a literal code, a row of
// private.refusal_statuses or of private.constraint_refusals) has its text in the site (refusalCodes and the `errors` namespace of both languages), every code
// the site translates is one the database raises, and the site reads no raw SQLSTATE as a refusal.
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/config.ts';
import { networkErrorKey, refusalCodes } from '../../src/domain/errors.ts';
import { resources } from '../../src/i18n/resources.ts';
import { sql } from './support/fixtures.ts';

const refusalCall = String.raw`private\.(?:refuse|refusal|raise_refusal)\(\s*`;

/**
 * Every code the functions of public and private raise, read from their bodies, with the rows of
 * the status table and of the constraint table (a violation answered by its constraint's code).
 * A code built at run time ('link_' || v_state) cannot be read from a body: it is listed as
 * `<built in fn>`, so the comparison fails on it rather than passing it by.
 */
async function raisedCodes(): Promise<string[]> {
  const rows = await sql<{ name: string; body: string }>(
    `select p.proname as name, p.prosrc as body from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private')`,
  );
  const tables = await sql<{ code: string }>('select code from private.refusal_statuses union select code from private.constraint_refusals');
  const named = rows.flatMap(({ body }) => [...body.matchAll(new RegExp(`${refusalCall}'([^']+)'(?!\\s*\\|\\|)`, 'g'))].map((match) => match[1]!));
  const built = rows.filter(({ body }) => new RegExp(`${refusalCall}'[^']*'\\s*\\|\\|`).test(body)).map(({ name }) => `<built in ${name}>`);
  return [...new Set([...named, ...built, ...tables.map((row) => row.code)])].sort();
}

const networkCode = networkErrorKey.slice('errors:'.length);

function differences(raised: readonly string[], translated: readonly string[]) {
  return { raisedButNotTranslated: raised.filter((code) => !translated.includes(code)), translatedButNeverRaised: translated.filter((code) => !raised.includes(code)) };
}

describe('refusal codes', () => {
  it('are the same in the database and in refusalCodes', async () => {
    expect(differences(await raisedCodes(), [...refusalCodes].sort())).toEqual({ raisedButNotTranslated: [], translatedButNeverRaised: [] });
  });

  it.each(locales)('are the same in the database and in the %s errors namespace', async (locale) => {
    const keys = Object.keys(resources[locale].errors).filter((key) => key !== networkCode).sort();
    expect(differences(await raisedCodes(), keys)).toEqual({ raisedButNotTranslated: [], translatedButNeverRaised: [] });
  });

  it('come by name: no code of the site reads a raw SQLSTATE', () => {
    const sqlstateChecks = globSync('src/**/*.{ts,tsx,astro}').flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => [...line.matchAll(/\.code\s*[!=]==?\s*'([0-9A-Z]{5})'/g)].map((match) => `${path}:${index + 1} ${match[1]}`)),
    );
    expect(sqlstateChecks).toEqual([]);
  });
});
