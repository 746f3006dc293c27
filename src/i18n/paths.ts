// Localised URLs. Every page lives under /vi/ or /en/ (DESIGN.md: the public URLs are a contract
// printed on posters), always with a trailing slash, as the static build writes `dir/index.html`.
import { isLocale, locales, type Locale } from './config.ts';

/** For `export const getStaticPaths = getStaticLocalePaths` in `src/pages/[lang]/*.astro`. */
export function getStaticLocalePaths() {
  return locales.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** `localizedPath('en', 'schedules')` → `/en/schedules/`; a query or fragment is kept. */
export function localizedPath(locale: Locale, path = ''): string {
  const [, pathname = '', rest = ''] = /^([^?#]*)(.*)$/.exec(path) ?? [];
  const segments = pathname.split('/').filter(Boolean);
  return `/${[locale, ...segments].map((s) => `${s}/`).join('')}${rest}`;
}

/**
 * A page of one campaign: `campaignPath('en', 'schedules', 'hue')` → `/en/schedules/?campaign=hue`
 * (links carry the campaign by slug); the page alone when the campaign is not known.
 */
export function campaignPath(locale: Locale, page: string, slug?: string | null): string {
  return localizedPath(locale, slug ? `${page}?campaign=${encodeURIComponent(slug)}` : page);
}

/**
 * The same page in another locale: `/vi/schedules/?x=1` → `/en/schedules/?x=1`. A path outside
 * the locale folders (the root 404 page) has no counterpart, so it goes to that locale's home.
 */
export function switchLocalePath(url: URL | string, toLocale: Locale): string {
  const { pathname, search, hash } = new URL(url, 'http://localhost');
  const [first, ...rest] = pathname.split('/').filter(Boolean);
  if (!isLocale(first)) return localizedPath(toLocale);
  return localizedPath(toLocale, rest.join('/')) + search + hash;
}
