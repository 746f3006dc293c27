// The web app manifest of each language (/{lang}/manifest.webmanifest), so the ticket can sit on a
// phone's home screen: it opens on the booking page, where the saved tickets are (offline too).
import type { Locale } from '../i18n/config.ts';
import type { getT } from '../i18n/index.ts';
import { localizedPath } from '../i18n/paths.ts';

/** The site's brand red (--brand in global.css): the phone's status bar and the icon's ground. */
export const themeColour = '#a4161a';

/** The icons in public/icons/, drawn from the favicon by scripts/app-icons.ts. */
export const appIcons = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

/** `t` is the locale's common namespace (getT(locale)): scripts/app-icons.ts reads this module without i18next. */
export function webAppManifest(locale: Locale, t: ReturnType<typeof getT>) {
  const start = localizedPath(locale, 'booking');
  return {
    id: start,
    name: t('site.name'),
    short_name: t('app.shortName'),
    description: t('app.description'),
    lang: locale,
    dir: 'ltr',
    start_url: start,
    scope: '/',
    display: 'standalone',
    theme_color: themeColour,
    background_color: '#ffffff',
    icons: appIcons,
  };
}
