// Consistency checks over translation resources and the source that calls them. Plain functions
// over plain data, so the unit tests can run them on the real files and on broken samples alike.

/** locale → namespace → flat key → text */
export type ResourceTree = Record<string, Record<string, Record<string, string>>>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** `campaign.quotaValue_other` → `campaign.quotaValue`: plural forms count as one key. */
function baseKey(key: string): string {
  return key.replace(pluralSuffix, '');
}

function baseKeys(texts: Record<string, string> = {}): Set<string> {
  return new Set(Object.keys(texts).map(baseKey));
}

function namespacesOf(resources: ResourceTree): string[] {
  return [...new Set(Object.values(resources).flatMap((byNamespace) => Object.keys(byNamespace)))];
}

export interface MissingKey {
  namespace: string;
  key: string;
  missingIn: string;
}

/** Keys (plural forms folded together) that one locale has and another lacks. */
export function findMissingKeys(resources: ResourceTree): MissingKey[] {
  const locales = Object.keys(resources);
  const missing: MissingKey[] = [];
  for (const namespace of namespacesOf(resources)) {
    const all = new Set(locales.flatMap((locale) => [...baseKeys(resources[locale]?.[namespace])]));
    for (const locale of locales) {
      const present = baseKeys(resources[locale]?.[namespace]);
      for (const key of all) if (!present.has(key)) missing.push({ namespace, key, missingIn: locale });
    }
  }
  return missing;
}

/** Names used as `{{name}}` or `{{name, format}}`. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? ''))].sort();
}

export interface PlaceholderMismatch {
  namespace: string;
  key: string;
  placeholders: Record<string, string[]>;
}

/**
 * Keys whose placeholders differ between locales. Plural forms are pooled per locale, because
 * English `_one` may say "one" where `_other` says `{{count}}`.
 */
export function findPlaceholderMismatches(resources: ResourceTree): PlaceholderMismatch[] {
  const mismatches: PlaceholderMismatch[] = [];
  for (const namespace of namespacesOf(resources)) {
    const byKey = new Map<string, Record<string, string[]>>();
    for (const [locale, byNamespace] of Object.entries(resources)) {
      for (const [key, text] of Object.entries(byNamespace[namespace] ?? {})) {
        const perLocale = byKey.get(baseKey(key)) ?? {};
        perLocale[locale] = [...new Set([...(perLocale[locale] ?? []), ...placeholdersOf(text)])].sort();
        byKey.set(baseKey(key), perLocale);
      }
    }
    for (const [key, placeholders] of byKey) {
      const distinct = new Set(Object.values(placeholders).map((names) => names.join(',')));
      if (distinct.size > 1) mismatches.push({ namespace, key, placeholders });
    }
  }
  return mismatches;
}

export interface PluralFormProblem {
  locale: string;
  namespace: string;
  key: string;
  expected: string[];
  found: string[];
}

/** Plural keys whose forms are not exactly the locale's plural categories (vi: other; en: one, other). */
export function findPluralFormProblems(resources: ResourceTree): PluralFormProblem[] {
  const problems: PluralFormProblem[] = [];
  for (const [locale, byNamespace] of Object.entries(resources)) {
    const expected = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
    for (const [namespace, texts] of Object.entries(byNamespace)) {
      const forms = new Map<string, string[]>();
      for (const key of Object.keys(texts)) {
        const category = pluralSuffix.exec(key)?.[1];
        if (category) forms.set(baseKey(key), [...(forms.get(baseKey(key)) ?? []), category]);
      }
      for (const [key, found] of forms) {
        found.sort();
        if (found.join() !== expected.join()) problems.push({ locale, namespace, key, expected, found });
      }
    }
  }
  return problems;
}

export interface TranslationCall {
  key: string;
  /** Namespaces the key may come from; empty means any. */
  namespaces: string[];
}

/**
 * The literal keys passed to `t(…)` in one source file. A key's namespace comes from an `ns:key`
 * prefix, an `{ ns: '…' }` option, or else the namespaces the file binds with `getT(locale, '…')`
 * or `useTranslation('…')`. A file that binds none (it receives `t` as a prop) may use any.
 * Keys built at run time are invisible here: write keys as literals.
 */
export function findTranslationCalls(source: string, defaultNamespace: string): TranslationCall[] {
  const bound = [
    ...[...source.matchAll(/\bgetT\(\s*[^,()]+?\s*(?:,\s*(['"])(\w+)\1\s*)?\)/g)].map((m) => m[2] ?? defaultNamespace),
    ...[...source.matchAll(/\buseTranslation\(\s*(?:(['"])(\w+)\1)?\s*[,)]/g)].map((m) => m[2] ?? defaultNamespace),
  ];
  // Calls of `t`, of `Astro.locals.t`, and of `getT(locale)` used on the spot.
  const calls = /(?:\bt|\bgetT\([^()]*\))\(\s*(['"])([^'"]+)\1\s*(?:,\s*(\{[^}]*\}))?/g;
  return [...source.matchAll(calls)].map((m) => {
    const [, , written = '', options = ''] = m;
    const prefixed = /^(\w+):(.+)$/.exec(written);
    if (prefixed) return { key: prefixed[2] ?? '', namespaces: [prefixed[1] ?? ''] };
    const option = /\bns:\s*(['"])(\w+)\1/.exec(options)?.[2];
    return { key: written, namespaces: option ? [option] : [...new Set(bound)] };
  });
}

export interface UnknownKey {
  file: string;
  key: string;
  namespaces: string[];
}

/** Keys called in the given files that no locale defines in the namespaces the call may use. */
export function findUnknownKeys(
  files: { path: string; source: string }[],
  resources: ResourceTree,
  defaultNamespace: string,
): UnknownKey[] {
  const known = (namespace: string, key: string) =>
    Object.values(resources).some((byNamespace) => baseKeys(byNamespace[namespace]).has(baseKey(key)));
  const unknown: UnknownKey[] = [];
  for (const { path, source } of files) {
    for (const { key, namespaces } of findTranslationCalls(source, defaultNamespace)) {
      const candidates = namespaces.length > 0 ? namespaces : namespacesOf(resources);
      if (!candidates.some((namespace) => known(namespace, key))) {
        unknown.push({ file: path, key, namespaces: candidates });
      }
    }
  }
  return unknown;
}
