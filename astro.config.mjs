// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { defaultLocale, locales } from './src/i18n/config.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

export default defineConfig({
  // Canonical and hreflang links are absolute; SITE_URL points them at the real host.
  site: process.env.SITE_URL || 'https://cccd.example.gov.vn',
  output: 'static',
  // The e2e runs build into their own directory (tests/e2e/support/ports.ts).
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  integrations: [react(), serviceWorker()],
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
