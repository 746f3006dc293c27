// The i18n entry point for pages, layouts and islands.
import i18next, { type TFunction } from 'i18next';
import { defaultLocale, defaultNamespace, locales, namespaces, type Locale, type NamespaceName } from './config.ts';
import { resources } from './resources.ts';

export { defaultLocale, isLocale, locales, namespaces, type Locale, type NamespaceName } from './config.ts';
export { campaignPath, getStaticLocalePaths, localizedPath, switchLocalePath } from './paths.ts';

// One instance per locale, so a page's `t` can never follow another page's language change.
// i18next 27 calls the synchronous mode `initAsync: false` (formerly `initImmediate`); with the
// resources inline, `t` works as soon as `init` returns, which Astro's frontmatter needs.
function createInstance(locale: Locale) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    supportedLngs: locales,
    // A key missing in English shows the Vietnamese text rather than a raw key; the key test
    // keeps such a gap from being merged.
    fallbackLng: defaultLocale,
    ns: namespaces,
    defaultNS: defaultNamespace,
    resources,
    initAsync: false,
    // Keys are flat `area.purpose` strings, not paths into nested objects.
    keySeparator: false,
    // Astro and React escape everything they render; escaping here would show `&amp;`.
    interpolation: { escapeValue: false },
  });
  return instance;
}

const instances = Object.fromEntries(locales.map((locale) => [locale, createInstance(locale)])) as Record<
  Locale,
  ReturnType<typeof createInstance>
>;

/** The translate function of one locale and namespace (default `common`), its keys type-checked. */
export function getT<N extends NamespaceName = typeof defaultNamespace>(locale: Locale, ns?: N): TFunction<N> {
  return instances[locale].getFixedT(locale, ns ?? (defaultNamespace as N));
}
