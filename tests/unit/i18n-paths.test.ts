import { describe, expect, it } from 'vitest';
import { getStaticLocalePaths, isLocale, localizedPath, switchLocalePath } from '../../src/i18n/index.ts';

describe('localised paths', () => {
  it('builds one static path per locale, Vietnamese first', () => {
    expect(getStaticLocalePaths()).toEqual([
      { params: { lang: 'vi' }, props: { locale: 'vi' } },
      { params: { lang: 'en' }, props: { locale: 'en' } },
    ]);
  });

  it('prefixes the locale and ends every path with a slash', () => {
    expect(localizedPath('vi')).toBe('/vi/');
    expect(localizedPath('en', 'schedules')).toBe('/en/schedules/');
    expect(localizedPath('en', '/home-visit/status')).toBe('/en/home-visit/status/');
    expect(localizedPath('vi', 'book/?shift=12#form')).toBe('/vi/book/?shift=12#form');
  });

  it('links to the same page in the other language, keeping the query', () => {
    expect(switchLocalePath(new URL('https://x.test/vi/schedules/?district=474'), 'en')).toBe('/en/schedules/?district=474');
    expect(switchLocalePath('/en/', 'vi')).toBe('/vi/');
    expect(switchLocalePath('/en', 'vi')).toBe('/vi/');
  });

  it('sends a path outside the locale folders to the home page of the locale', () => {
    expect(switchLocalePath('/404', 'en')).toBe('/en/');
    expect(switchLocalePath('/', 'vi')).toBe('/vi/');
  });

  it('recognises only the configured locales', () => {
    expect(isLocale('vi')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
