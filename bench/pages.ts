// `npm run bench:pages`: what each page costs a phone to load. Builds the site against a throwaway
// stack, serves it with `astro preview`, loads every page of both languages in Chromium at a
// phone's size until the network is idle, and adds up every response, gzipped here (so the figure
// does not depend on the preview server's compression): JavaScript apart from everything else.
// Budgets (issue 4): content pages load no JavaScript; no page loads more than 100 kB gzipped.
// The exit code is non-zero on a breach. A page not built yet (404) is listed as missing.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type Browser, type Response } from '@playwright/test';
import { chromiumPath } from '../scripts/lib/chromium.ts';
import { onShutdown, shutdown } from '../scripts/lifecycle.ts';
import { siteEnv } from '../scripts/site-env.ts';
import { locales } from '../src/i18n/config.ts';
import { projectRoot } from '../supabase/local/config.ts';
import { waitFor } from '../supabase/local/processes.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { astro } from '../scripts/lib/astro.ts';
import { lighthouseScores, printLighthouseScores } from './support/lighthouse.ts';

const stackPort = 28421;
// After the stack's four ports (api, db, rest, rest admin).
const previewPort = stackPort + 9;
const outDir = 'dist-bench';
const kB = 1000;
const jsBudget = 100 * kB;
/** Information pages: they must work, and stay light, without any script. */
const contentPages = new Set(['home', 'guide', 'faq']);

interface PageSpec {
  name: string;
  /** Path under /{lang}/, with its query string. */
  path: string;
}

interface Measure {
  page: PageSpec;
  url: string;
  status: number;
  jsBytes: number;
  otherBytes: number;
  requests: number;
  problems: string[];
}

/** A published shift and its session from today on: the book and now-serving pages need real ids. */
async function sampleIds(dbUrl: string): Promise<{ shiftId: string; sessionId: string }> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ shift_id: string; session_id: string }>(
      `select s.id as shift_id, sess.id as session_id
       from public.shifts s join public.intake_sessions sess on sess.id = s.session_id
       where sess.published and sess.cancelled_at is null and s.ends_at > now() and s.booked < s.capacity
       order by s.starts_at, s.id limit 1`,
    );
    if (!rows[0]) throw new Error('the seed has no published shift still to come');
    return { shiftId: rows[0].shift_id, sessionId: rows[0].session_id };
  } finally {
    await db.end();
  }
}

/** Every `<dir>/index.html` under the built `vi/` folder: pages the list below may not know yet. */
async function builtPages(): Promise<string[]> {
  const root = path.join(projectRoot, outDir, locales[0]);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => path.relative(root, entry.parentPath).split(path.sep).join('/'))
    .filter((dir) => dir !== '');
}

async function measure(browser: Browser, baseUrl: string, page: PageSpec, locale: string): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const tab = await context.newPage();
  const bodies: Promise<{ js: boolean; bytes: number }>[] = [];
  tab.on('response', (response: Response) => {
    const js = response.request().resourceType() === 'script' || /javascript/.test(response.headers()['content-type'] ?? '');
    // A redirect has no body; it still counts as a request.
    bodies.push(response.body().then((body) => ({ js, bytes: gzipSync(body).length }), () => ({ js, bytes: 0 })));
  });
  const url = `${baseUrl}/${locale}/${page.path}`;
  const problems: string[] = [];
  try {
    const response = await tab.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    const status = response?.status() ?? 0;
    const sizes = await Promise.all(bodies);
    const jsBytes = sizes.filter((size) => size.js).reduce((sum, size) => sum + size.bytes, 0);
    const otherBytes = sizes.filter((size) => !size.js).reduce((sum, size) => sum + size.bytes, 0);
    if (status !== 404) {
      if (status >= 400 || status === 0) problems.push(`HTTP ${status}`);
      if (contentPages.has(page.name) && jsBytes > 0) problems.push('content page loads JavaScript');
      if (jsBytes > jsBudget) problems.push(`JavaScript over ${jsBudget / kB} kB gz`);
    }
    return { page, url, status, jsBytes, otherBytes, requests: sizes.length, problems };
  } finally {
    await context.close();
  }
}

function report(results: Measure[]): void {
  const rows = results.map((result) => ({
    page: `/${result.url.split('/').slice(3).join('/')}`,
    js: result.status === 404 ? '' : (result.jsBytes / kB).toFixed(1),
    other: result.status === 404 ? '' : (result.otherBytes / kB).toFixed(1),
    requests: result.status === 404 ? '' : String(result.requests),
    note: result.status === 404 ? 'missing (404)' : result.problems.length ? `BUDGET: ${result.problems.join('; ')}` : 'ok',
  }));
  const width = Math.max(4, ...rows.map((row) => row.page.length));
  console.log(`\n${'page'.padEnd(width)}  JS kB gz  other kB gz  requests  note`);
  for (const row of rows) {
    console.log(`${row.page.padEnd(width)}  ${row.js.padStart(8)}  ${row.other.padStart(11)}  ${row.requests.padStart(8)}  ${row.note}`);
  }
  console.log(`\nBudgets: content pages (${[...contentPages].join(', ')}) 0 kB JS; every page ≤ ${jsBudget / kB} kB gz JS (1 kB = 1000 bytes).`);
}

try {
  const started = Date.now();
  console.log('Starting a throwaway stack…');
  const stack = await startThrowawayStack('bench-pages', stackPort);
  onShutdown(() => stack.stop());
  const { shiftId, sessionId } = await sampleIds(stack.dbUrl);

  const env = { ...siteEnv(stack), ASTRO_OUT_DIR: outDir };
  console.log(`Building the site into ${outDir}/…`);
  if ((await astro(['build'], env).exited) !== 0) await shutdown(1);
  const preview = astro(['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(previewPort)], env, { quiet: true });
  let done = false;
  void preview.exited.then((code) => {
    if (done) return;
    console.error(`astro preview exited (${code}) before the bench was done`);
    void shutdown(1);
  });
  const baseUrl = `http://127.0.0.1:${previewPort}`;
  await waitFor('astro preview', async (signal) => (await fetch(`${baseUrl}/vi/`, { signal })).ok, 30_000);

  const known: PageSpec[] = [
    { name: 'home', path: '' },
    { name: 'schedules', path: 'schedules/' },
    { name: 'book', path: `book/?shift=${shiftId}` },
    { name: 'booking', path: 'booking/' },
    { name: 'guide', path: 'guide/' },
    { name: 'faq', path: 'faq/' },
    { name: 'progress', path: 'progress/' },
    { name: 'now-serving', path: `now-serving/?session=${sessionId}` },
    // DESIGN.md's other public pages, listed as missing until they are built.
    { name: 'home-visit', path: 'home-visit/' },
    { name: 'home-visit-status', path: 'home-visit/status/' },
    { name: 'organisations', path: 'organisations/' },
    { name: 'join', path: 'join/' },
    { name: 'staff', path: 'staff/' },
  ];
  const knownDirs = new Set(known.map((page) => page.path.split('?')[0]!.replace(/\/$/, '')));
  const others = (await builtPages()).filter((dir) => !knownDirs.has(dir)).map((dir) => ({ name: dir, path: `${dir}/` }));

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--disable-background-networking'],
  });
  onShutdown(() => browser.close());
  const results: Measure[] = [];
  for (const page of [...known, ...others]) {
    for (const locale of locales) results.push(await measure(browser, baseUrl, page, locale));
  }
  report(results);
  // Lighthouse once per page, in Vietnamese (the citizens' language): a run takes tens of seconds.
  printLighthouseScores(await lighthouseScores(results.filter((result) => result.status !== 404 && result.url.includes(`/${locales[0]}/`)).map((result) => result.url)));
  done = true;
  const breaches = results.filter((result) => result.problems.length > 0);
  const missing = results.filter((result) => result.status === 404).length;
  console.log(
    `${breaches.length === 0 ? 'OK: every page within budget' : `FAILED: ${breaches.length} page(s) over budget`}` +
      `${missing ? `, ${missing} missing` : ''}; finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await shutdown(breaches.length === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(1);
}
