// The refusals the site can show are the ones the database can give: every code a function raises
// (private.refuse, private.refusal, private.raise_refusal with a literal code or one built from a
// private function's answer, or a row of private.refusal_statuses)
// has its text in the site (refusalCodes and the `errors` namespace of both languages), every code
// the site translates is one the database raises, and the site reads no raw SQLSTATE as a refusal.
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/config.ts';
import { networkErrorKey, refusalCodes } from '../../src/domain/errors.ts';
import { resources } from '../../src/i18n/resources.ts';
import { sql } from './support/fixtures.ts';

const refusalCall = String.raw`private\.(?:refuse|refusal|raise_refusal)\(\s*`;

/**
 * The codes of a refusal built as 'prefix' || v_x (the link's refusals: 'link_' || v_state), where
 * v_x is what another private function returns (the literals of its then/else branches), less the
 * value the body excludes before refusing (v_x <> 'open'). A form this cannot read is returned as
 * a code naming it, so the comparison fails on it rather than passing it by.
 */
function builtCodes(body: string, bodies: ReadonlyMap<string, string>): string[] {
  return [...body.matchAll(new RegExp(`${refusalCall}'([^']+)'\\s*\\|\\|\\s*(\\w+)`, 'g'))].flatMap(([, prefix, variable]) => {
    const source = new RegExp(`private\\.(\\w+)\\([^;]*?into\\s+${variable}\\b|${variable}\\s*:=\\s*private\\.(\\w+)\\(`).exec(body);
    const values = bodies.get(source?.[1] ?? source?.[2] ?? '');
    if (!values) return [`${prefix}<unread ${variable}>`];
    const excluded = [...body.matchAll(new RegExp(`${variable}\\s*<>\\s*'([^']+)'`, 'g'))].map((match) => match[1]);
    return [...values.matchAll(/\b(?:then|else)\s+'([^']+)'/g)].map((match) => match[1]!).filter((value) => !excluded.includes(value)).map((value) => `${prefix}${value}`);
  });
}

/** Every code the functions of public and private raise, read from their bodies and the status table. */
async function raisedCodes(): Promise<string[]> {
  const rows = await sql<{ name: string; body: string }>(
    `select p.proname as name, p.prosrc as body from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private')`,
  );
  const bodies = new Map(rows.map((row) => [row.name, row.body]));
  const statuses = await sql<{ code: string }>('select code from private.refusal_statuses');
  const named = rows.flatMap(({ body }) => [...body.matchAll(new RegExp(`${refusalCall}'([^']+)'(?!\\s*\\|\\|)`, 'g'))].map((match) => match[1]!));
  const built = rows.flatMap(({ body }) => builtCodes(body, bodies));
  return [...new Set([...named, ...built, ...statuses.map((row) => row.code)])].sort();
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
