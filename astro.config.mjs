// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { defaultLocale, locales } from './src/i18n/config.ts';

export default defineConfig({
  // Canonical and hreflang links are absolute; SITE_URL points them at the real host.
  site: process.env.SITE_URL || 'https://cccd.example.gov.vn',
  output: 'static',
  // The e2e runs build into their own directory (tests/e2e/support/ports.ts).
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  integrations: [react()],
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true },
  },
  // A redirect page rather than a root index.astro: it redirects at once, not after 2 seconds.
  redirects: { '/': `/${defaultLocale}/` },
});
