import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { headersFor, parseHeadersFile, serveStatic, type HeaderRules } from '../../scripts/lib/static-host.ts';
import { projectRoot, testSlot } from '../../supabase/local/config.ts';
import { e2eApiUrl, e2eOutDir } from './support/ports.ts';

// What a deployment serves: the header file the build wrote for static hosts, the pages under that
// header file's Content-Security-Policy, the share previews and the sitemap.
const outDir = path.join(projectRoot, e2eOutDir);
const hostPort = 4339 + testSlot;
const hostUrl = `http://127.0.0.1:${hostPort}`;

/** Every page the build wrote under a language (`/vi/guide/`); read in the tests, once the run has built the site. */
const localePages = () =>
  readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${file.replaceAll(path.sep, '/')}`.replace(/index\.html$/, ''))
    .filter((page) => /^\/(vi|en)\//.test(page))
    .sort();
const isStaff = (page: string) => /^\/(vi|en)\/staff\//.test(page);
const html = (page: string) => readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
const meta = (source: string, attribute: 'property' | 'name', key: string) =>
  new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(source)?.[1];
const noindex = (source: string) => meta(source, 'name', 'robots')?.includes('noindex') ?? false;
const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replaceAll('&amp;', '&').replaceAll('&quot;', '"');

test.describe('the header file for static hosts', () => {
  let rules: HeaderRules;
  test.beforeAll(() => {
    rules = parseHeadersFile(readFileSync(path.join(outDir, '_headers'), 'utf8'));
  });

  test('sends the security headers with every page, and caches each file as long as it may', () => {
    for (const page of ['/vi/', '/en/schedules/', '/vi/staff/day/']) {
      const headers = headersFor(rules, page);
      expect(headers.get('Strict-Transport-Security')).toMatch(/^max-age=(\d{8,}); includeSubDomains$/);
      expect(Number(/max-age=(\d+)/.exec(headers.get('Strict-Transport-Security')!)![1])).toBeGreaterThanOrEqual(31_536_000);
      // The scanner's camera and the search near me for this site only; nothing for anyone else.
      const permissions = headers.get('Permissions-Policy')!.split(', ');
      expect(permissions).toEqual(expect.arrayContaining(['camera=(self)', 'geolocation=(self)', 'microphone=()']));
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('Cache-Control')).toBeUndefined();
    }
    const script = readdirSync(path.join(outDir, '_astro')).find((file) => file.endsWith('.js'));
    expect(headersFor(rules, `/_astro/${script}`).get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/sw.js').get('Cache-Control')).toBe('no-cache');
    expect(headersFor(rules, '/sw-retired-cache.js').get('Cache-Control')).toBe('no-cache');
  });

  test('lets the pages reach the Supabase project and the map tiles, and nothing else', () => {
    const csp = new Map(
      headersFor(rules, '/vi/')
        .get('Content-Security-Policy')!
        .split('; ')
        .map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]),
    );
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", e2eApiUrl]);
    expect(csp.get('img-src')).toContain('https://tile.openstreetmap.org');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });
});

test.describe('the pages under that policy', () => {
  let host: Server;
  test.beforeAll(async () => {
    host = await serveStatic(outDir, hostPort);
  });
  test.afterAll(async () => {
    await new Promise((resolve) => host.close(resolve));
  });

  /** Records what the page's Content-Security-Policy refuses, as the browser reports it. */
  async function watchViolations(page: Page): Promise<string[]> {
    const refused: string[] = [];
    await page.exposeFunction('reportViolation', (line: string) => refused.push(line));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (line: string) => void }).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    // The tiles are never fetched from the test: the policy is judged before the request goes.
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    return refused;
  }

  test('every page loads its scripts, styles and data without a refusal', async ({ page }) => {
    test.setTimeout(240_000);
    const refused = await watchViolations(page);
    const pages = localePages();
    expect(pages.length).toBeGreaterThan(30);
    for (const pagePath of pages) {
      const response = await page.goto(`${hostUrl}${pagePath}`, { waitUntil: 'networkidle' });
      expect(response?.headers()['content-security-policy'], pagePath).toContain("default-src 'self'");
      expect(refused, pagePath).toEqual([]);
    }
  });

  test('the map shows its tiles and the service worker installs', async ({ page }) => {
    const refused = await watchViolations(page);
    const tiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('https://tile.openstreetmap.org/')) tiles.push(request.url());
    });
    await page.goto(`${hostUrl}/en/schedules/?district=474`);
    await page.getByRole('button', { name: 'Show on map' }).click();
    await expect(page.getByRole('region', { name: /Map of/ }).locator('.leaflet-marker-icon').first()).toBeVisible();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);

    await page.goto(`${hostUrl}/en/booking/`);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${hostUrl}/sw.js`);
    expect(refused).toEqual([]);
  });
});

test.describe('share previews and the sitemap', () => {
  test('every public page has its Open Graph title, description, image and address in its language', () => {
    const publicPages = localePages().filter((page) => !isStaff(page));
    expect(publicPages.length).toBeGreaterThan(20);
    for (const page of publicPages) {
      const source = html(page);
      const locale = page.slice(1, 3);
      expect(source, page).toContain(`<html lang="${locale}"`);
      const title = decode(/<title>([^<]*)<\/title>/.exec(source)![1]!);
      // The page's own title (the home page has the site's name alone), the same description search engines get.
      expect(title, page).toContain(decode(meta(source, 'property', 'og:title') ?? '∅'));
      expect(meta(source, 'property', 'og:description'), page).toBe(meta(source, 'name', 'description'));
      expect(meta(source, 'property', 'og:description')?.length, page).toBeGreaterThan(20);
      expect(meta(source, 'property', 'og:url'), page).toBe(`https://cccd.example.gov.vn${page}`);
      expect(meta(source, 'property', 'og:locale'), page).toBe(locale === 'vi' ? 'vi_VN' : 'en_GB');
      const image = new URL(meta(source, 'property', 'og:image')!);
      expect(image.origin, page).toBe('https://cccd.example.gov.vn');
      expect(image.pathname, page).toMatch(new RegExp(`^/og/[a-z-]+-${locale}\\.png$`));
      expect(existsSync(path.join(outDir, image.pathname)), page).toBe(true);
      expect(meta(source, 'property', 'og:image:alt'), page).toBeTruthy();
    }
    // The Vietnamese and English previews of a page differ.
    expect(meta(html('/vi/guide/'), 'property', 'og:title')).not.toBe(meta(html('/en/guide/'), 'property', 'og:title'));
    expect(meta(html('/vi/join/'), 'property', 'og:image')).toMatch(/\/og\/join-vi\.png$/);
  });

  test('the sitemap lists every indexable page in both languages, with its alternates, and no staff page', () => {
    const index = readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>https:\/\/cccd\.example\.gov\.vn\/([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const urls = new Map<string, string[]>();
    for (const file of sitemaps) {
      for (const [, entry = ''] of readFileSync(path.join(outDir, file), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = /<loc>https:\/\/cccd\.example\.gov\.vn([^<]+)<\/loc>/.exec(entry)![1]!;
        urls.set(loc, [...entry.matchAll(/hreflang="(\w+)" href="https:\/\/cccd\.example\.gov\.vn([^"]+)"/g)].map(([, lang, href]) => `${lang} ${href}`));
      }
    }
    const indexable = localePages().filter((page) => !noindex(html(page)));
    expect(indexable).toEqual(expect.arrayContaining(['/vi/', '/en/', '/vi/guide/', '/en/schedules/', '/vi/progress/']));
    expect([...urls.keys()].sort()).toEqual(indexable);
    for (const page of indexable) {
      const rest = page.slice(3);
      expect(urls.get(page), page).toEqual(expect.arrayContaining([`vi /vi${rest}`, `en /en${rest}`]));
    }
    for (const page of localePages().filter(isStaff)) expect(noindex(html(page)), page).toBe(true);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://cccd.example.gov.vn/sitemap-index.xml');
  });
});
