// Draws the home-screen icons of the web app manifest (src/lib/web-app-manifest.ts) from the
// favicon, with Chromium: 192 and 512 px on a clear ground, and a maskable 512 px one whose shield
// stays inside the middle 80 % that every launcher's mask keeps, on white. The PNGs are committed:
// run this again after changing public/favicon.svg. `node scripts/app-icons.ts`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appIcons } from '../src/lib/web-app-manifest.ts';
import { chromiumPath } from './lib/chromium.ts';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
const favicon = readFileSync(`${publicDir}/favicon.svg`, 'utf8');

function page(size: number, maskable: boolean): string {
  // The shield's own margin is small: a maskable icon keeps it within a circle of 80 % of the side.
  const shield = maskable ? size * 0.56 : size;
  return `<!doctype html><style>
    html, body { margin: 0; width: ${size}px; height: ${size}px; background: ${maskable ? '#fff' : 'transparent'}; }
    body { display: grid; place-items: center; }
    svg { width: ${shield}px; height: ${shield}px; display: block; }
  </style>${favicon}`;
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const icon of appIcons) {
    const size = Number(icon.sizes.split('x')[0]);
    const tab = await browser.newPage({ viewport: { width: size, height: size } });
    await tab.setContent(page(size, icon.purpose === 'maskable'));
    await tab.screenshot({ path: `${publicDir}${icon.src}`, omitBackground: icon.purpose !== 'maskable' });
    await tab.close();
    console.log(`wrote public${icon.src}`);
  }
} finally {
  await browser.close();
}
