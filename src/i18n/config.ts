// The site's languages and namespaces. astro.config.mjs reads the locales from here too, so the
// router and the translations cannot disagree.

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Vietnamese first: most citizens read it, and `/` redirects to it. */
export const defaultLocale: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export const namespaces = ['common', 'home', 'booking', 'errors', 'schedules', 'book', 'manage', 'guide', 'faq', 'progress', 'queue', 'staff', 'staffDay', 'staffNotice', 'organisations', 'join', 'staffLinks', 'homeVisit', 'staffHomeVisits', 'consent', 'staffBook', 'messages', 'privacy', 'accessibility', 'staffCampaigns', 'staffAccounts', 'staffPassword', 'staffAudit', 'planner', 'planView'] as const;
export type NamespaceName = (typeof namespaces)[number];

/** The namespace `getT(locale)` and `useTranslation()` use when none is named. */
export const defaultNamespace: NamespaceName = 'common';
