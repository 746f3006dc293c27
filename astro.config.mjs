// @ts-check
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLocale, locales } from './src/i18n/config.ts';
import { indexablePage } from './src/integrations/indexable.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { staticHeaders } from './src/integrations/static-headers.ts';

// The e2e runs build into their own directory (tests/e2e/support/ports.ts).
const outDir = process.env.ASTRO_OUT_DIR || './dist';

export default defineConfig({
  // Canonical, hreflang, sitemap and share-preview addresses are absolute: SITE_URL is where the site
  // is served (`npm run build` requires it; src/integrations/site-settings.ts).
  site: process.env.SITE_URL || 'https://cccd.example.gov.vn',
  output: 'static',
  outDir,
  integrations: [
    react(),
    // Both languages of every indexable page, each with its alternate (hreflang).
    sitemap({ filter: indexablePage(outDir), i18n: { defaultLocale, locales: Object.fromEntries(locales.map((locale) => [locale, locale])) } }),
    staticHeaders(),
    serviceWorker(),
  ],
  vite: {
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // React stays the chunk it would be anyway, so the form group below does not take it in.
              { name: 'react', test: /node_modules[\\/]react[\\/]/, priority: 2 },
              // The calendar library under a name of its own: the service worker precaches it for the
              // ticket's "add to calendar" offline (src/integrations/offline-files.ts).
              { name: 'calendar', test: /node_modules[\\/]ics[\\/]/, priority: 2 },
              // The form primitives are a few hundred bytes each and used together by the form islands:
              // one chunk rather than a request (and a gzip frame) each. Checkbox and DateParts, used by
              // the booking, join and home-visit forms only, are left to the automatic split (one chunk).
              // zod's schemas and the answer reader every island reads an answer with: one chunk, as
              // the automatic split made it until an island (the planner's) used zod alone.
              { name: 'schemas', test: /node_modules[\\/]zod[\\/]v4[\\/](core|mini)[\\/]|src[\\/](domain[\\/]errors|lib[\\/]answers)\.ts$/, priority: 1 },
              { name: 'form', test: /src[\\/]islands[\\/]shared[\\/](ErrorSummary|CheckedForm|Field|TextField|SelectField|Fieldset|Choices|SummaryList|use-form|form-errors)\.tsx?$/, priority: 1 },
            ],
          },
        },
      },
    },
  },
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true },
  },
});
