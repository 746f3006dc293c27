// Makes the chat-app preview images (1200×630, drawn by Chromium): the site's, which every page
// shares (public/og/site-{vi,en}.png, from the home page's heading and description), and the join
// page's (public/og/join-{vi,en}.png, from its title and description). The layout names them in
// each page's Open Graph tags. The PNGs are committed: run this again after changing those texts.
// `node scripts/og-image.ts` (CHROMIUM_PATH or /usr/bin/chromium).
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { locales, type Locale } from '../src/i18n/config.ts';
import { namespaceSchemas } from '../src/i18n/schema.ts';
import { chromiumPath } from './lib/chromium.ts';

const outDir = fileURLToPath(new URL('../public/og/', import.meta.url));
const localeFile = (locale: Locale, namespace: string): unknown =>
  JSON.parse(readFileSync(new URL(`../src/i18n/locales/${locale}/${namespace}.json`, import.meta.url), 'utf8'));
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(site: string, title: string, description: string): string {
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: 1200px; height: 630px; box-sizing: border-box; padding: 72px 80px;
      font-family: "Noto Sans", "DejaVu Sans", sans-serif; background: #fff; color: #1a1a1a;
      border-top: 24px solid #a4161a; display: flex; flex-direction: column; justify-content: space-between; }
    .site { font-size: 34px; font-weight: 700; color: #a4161a; }
    h1 { font-size: 66px; line-height: 1.12; margin: 0; }
    p { font-size: 32px; line-height: 1.35; margin: 0; color: #4a4a4a; }
    .card { display: inline-block; width: 120px; height: 76px; border-radius: 10px; background: #a4161a; position: absolute; right: 80px; top: 90px; }
    .card::after { content: ""; position: absolute; left: 16px; top: 20px; width: 30px; height: 24px; border-radius: 4px; background: #ffbf47; }
  </style><div class="site">${escape(site)}</div><span class="card"></span>
  <h1>${escape(title)}</h1><p>${escape(description)}</p>`;
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  for (const locale of locales) {
    const common = namespaceSchemas.common.parse(localeFile(locale, 'common'));
    const home = namespaceSchemas.home.parse(localeFile(locale, 'home'));
    const join = namespaceSchemas.join.parse(localeFile(locale, 'join'));
    const images: Record<string, [title: string, description: string]> = { site: [home['hero.title'], home['meta.description']], join: [join['page.title'], join['page.description']] };
    for (const [name, [title, description]] of Object.entries(images)) {
      await tab.setContent(page(common['site.name'], title, description));
      await tab.screenshot({ path: `${outDir}${name}-${locale}.png` });
      console.log(`wrote public/og/${name}-${locale}.png`);
    }
  }
} finally {
  await browser.close();
}
