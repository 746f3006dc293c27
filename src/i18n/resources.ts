// Every locale file, checked against its namespace schema as it loads: a bad or incomplete file
// stops the build and the tests with the file and key named, instead of showing a raw key.
import { z } from 'zod';
import type { Locale, NamespaceName } from './config.ts';
import { namespaceSchemas, type NamespaceResources } from './schema.ts';
import enBooking from './locales/en/booking.json';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enHome from './locales/en/home.json';
import viBooking from './locales/vi/booking.json';
import viCommon from './locales/vi/common.json';
import viErrors from './locales/vi/errors.json';
import viHome from './locales/vi/home.json';

export function parseNamespace<N extends NamespaceName>(
  locale: string,
  namespace: N,
  data: unknown,
): NamespaceResources[N] {
  const result = namespaceSchemas[namespace].safeParse(data);
  if (!result.success) {
    throw new Error(
      `Invalid translations in src/i18n/locales/${locale}/${namespace}.json:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data as NamespaceResources[N];
}

export const resources: Record<Locale, NamespaceResources> = {
  vi: {
    common: parseNamespace('vi', 'common', viCommon),
    home: parseNamespace('vi', 'home', viHome),
    booking: parseNamespace('vi', 'booking', viBooking),
    errors: parseNamespace('vi', 'errors', viErrors),
  },
  en: {
    common: parseNamespace('en', 'common', enCommon),
    home: parseNamespace('en', 'home', enHome),
    booking: parseNamespace('en', 'booking', enBooking),
    errors: parseNamespace('en', 'errors', enErrors),
  },
};
