import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findMissingKeys,
  findPlaceholderMismatches,
  findPluralFormProblems,
  findTranslationCalls,
  findUnknownKeys,
  type ResourceTree,
} from '../../src/i18n/check.ts';
import { defaultNamespace } from '../../src/i18n/config.ts';
import { getT } from '../../src/i18n/index.ts';
import { parseNamespace, resources } from '../../src/i18n/resources.ts';

const tree = resources as unknown as ResourceTree;
const sourceFiles = globSync('src/**/*.{ts,tsx,astro}').map((path) => ({
  path,
  source: readFileSync(path, 'utf8'),
}));

describe('the translation files', () => {
  it('have the same keys in every namespace of vi and en', () => {
    expect(findMissingKeys(tree)).toEqual([]);
  });

  it('use the same {{placeholders}} in vi and en for every key', () => {
    expect(findPlaceholderMismatches(tree)).toEqual([]);
  });

  it('give each plural key exactly the forms its language needs (vi: other; en: one, other)', () => {
    expect(findPluralFormProblems(tree)).toEqual([]);
  });

  it('define every key the source calls, in vi or en', () => {
    expect(sourceFiles.length).toBeGreaterThan(0);
    expect(findUnknownKeys(sourceFiles, tree, defaultNamespace)).toEqual([]);
  });
});

describe('the checks catch broken resources', () => {
  const broken: ResourceTree = {
    vi: { common: { 'a.title': 'Tiêu đề', 'a.count_other': '{{n}} hồ sơ', 'b.greeting': 'Chào {{name}}' } },
    en: { common: { 'a.title': 'Title', 'a.count_one': 'One file', 'a.count_other': '{{n}} files', 'c.only': 'x' } },
  };

  it('names the key and the language that lacks it', () => {
    expect(findMissingKeys(broken)).toEqual([
      { namespace: 'common', key: 'c.only', missingIn: 'vi' },
      { namespace: 'common', key: 'b.greeting', missingIn: 'en' },
    ]);
  });

  it('reports placeholders that differ between languages', () => {
    const mismatched: ResourceTree = {
      vi: { home: { 'x.text': 'Còn {{days}} ngày' } },
      en: { home: { 'x.text': '{{day}} days left' } },
    };
    expect(findPlaceholderMismatches(mismatched)).toEqual([
      { namespace: 'home', key: 'x.text', placeholders: { vi: ['days'], en: ['day'] } },
    ]);
  });

  it('pools the plural forms of a key before comparing placeholders', () => {
    expect(findPlaceholderMismatches(broken)).toEqual([]);
  });

  it('reports a Vietnamese _one form and a missing English _one form', () => {
    const plurals: ResourceTree = {
      vi: { home: { 'x.count_one': '{{count}} lần', 'x.count_other': '{{count}} lần' } },
      en: { home: { 'x.count_other': '{{count}} times' } },
    };
    expect(findPluralFormProblems(plurals)).toEqual([
      { locale: 'vi', namespace: 'home', key: 'x.count', expected: ['other'], found: ['one', 'other'] },
      { locale: 'en', namespace: 'home', key: 'x.count', expected: ['one', 'other'], found: ['other'] },
    ]);
  });

  it('rejects a locale file with a missing, empty or unknown key, naming it', () => {
    const valid = resources.vi.common;
    const { 'nav.faq': _dropped, ...missing } = valid;
    expect(() => parseNamespace('vi', 'common', missing)).toThrow(/vi\/common\.json[\s\S]*nav\.faq/);
    expect(() => parseNamespace('vi', 'common', { ...valid, 'nav.faq': ' ' })).toThrow(/nav\.faq/);
    expect(() => parseNamespace('vi', 'common', { ...valid, 'nav.extra': 'x' })).toThrow(/nav\.extra/);
  });
});

describe('finding t() calls in source', () => {
  it('reads the namespace from getT, an ns:key prefix or an ns option', () => {
    const source = `
      const t = getT(locale, 'home');
      t('hero.title'); t("common:site.name"); t('x.y', { ns: 'common', count: 2 });
    `;
    expect(findTranslationCalls(source, 'common')).toEqual([
      { key: 'hero.title', namespaces: ['home'] },
      { key: 'site.name', namespaces: ['common'] },
      { key: 'x.y', namespaces: ['common'] },
    ]);
  });

  it('uses the default namespace for getT(locale) and useTranslation()', () => {
    const source = `const t = getT(locale); getT(other)('language.name'); const { t: u } = useTranslation();`;
    expect(findTranslationCalls(source, 'common')).toEqual([{ key: 'language.name', namespaces: ['common'] }]);
  });

  it('reports a key that no language defines, with its file', () => {
    const files = [{ path: 'src/pages/x.astro', source: `const t = getT(locale, 'home'); t('hero.title'); t('hero.typo');` }];
    expect(findUnknownKeys(files, tree, defaultNamespace)).toEqual([
      { file: 'src/pages/x.astro', key: 'hero.typo', namespaces: ['home'] },
    ]);
  });

  it('reports a key called in the wrong namespace', () => {
    const files = [{ path: 'a.ts', source: `const t = getT(locale); t('hero.title');` }];
    expect(findUnknownKeys(files, tree, defaultNamespace)).toEqual([
      { file: 'a.ts', key: 'hero.title', namespaces: ['common'] },
    ]);
  });
});

describe('translating', () => {
  it('uses the only Vietnamese plural form for any count', () => {
    const t = getT('vi', 'home');
    expect(t('campaign.quotaValue', { count: 1, quota: '1' })).toBe('1 hồ sơ');
    expect(t('campaign.quotaValue', { count: 732000, quota: '732.000' })).toBe('732.000 hồ sơ');
  });

  it('picks the English singular or plural form from count', () => {
    const t = getT('en', 'home');
    expect(t('campaign.quotaValue', { count: 1, quota: '1' })).toBe('1 application');
    expect(t('campaign.quotaValue', { count: 732000, quota: '732,000' })).toBe('732,000 applications');
  });

  it('interpolates without HTML-escaping, since Astro escapes what it renders', () => {
    const t = getT('en');
    expect(t('meta.pageTitle', { page: 'Q&A', site: t('site.name') })).toBe('Q&A – Chip-based citizen ID cards');
  });

  it('keeps each locale to its own language', () => {
    expect(getT('vi')('skipLink.label')).toBe('Chuyển đến nội dung chính');
    expect(getT('en')('skipLink.label')).toBe('Skip to main content');
  });
});
