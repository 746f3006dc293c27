// `npm run bench:pages`: what each page costs a phone to load. Builds the site against a throwaway
// stack, serves it with `astro preview`, and weighs every built page of both languages in Chromium
// by tests/support/page-weight.ts, the definition tests/e2e/page-weight.spec.ts holds pages to:
// the JavaScript of the first state (an officer signed in, on staff pages) until the network is
// idle, gzipped, apart from everything else; then what each action that loads code loads.
// The exit code is non-zero on a breach.
import pg from 'pg';
import { chromium } from '@playwright/test';
import path from 'node:path';
import { chromiumPath } from '../scripts/lib/chromium.ts';
import { onShutdown, shutdown } from '../scripts/lifecycle.ts';
import { siteEnv } from '../scripts/site-env.ts';
import { locales } from '../src/i18n/config.ts';
import { projectRoot } from '../supabase/local/config.ts';
import { waitFor } from '../supabase/local/processes.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { astro } from '../scripts/lib/astro.ts';
import {
  builtPages,
  bytesOf,
  contentPages,
  firstStateBudget,
  isStaffPage,
  kB,
  officerStorage,
  onActionBudget,
  onActions,
  pagePath,
  phoneContext,
  recordLoads,
  weighAction,
  weighFirstState,
  weighingOfficer,
  type Load,
  type SampleIds,
} from '../tests/support/page-weight.ts';
import { lighthouseScores, printLighthouseScores } from './support/lighthouse.ts';

const stackPort = 28421;
// After the stack's four ports (api, db, rest, rest admin).
const previewPort = stackPort + 9;
const outDir = 'dist-bench';

interface Row {
  page: string;
  loads: Load[];
  problems: string[];
}

/** A published shift and its session from today on: the book and now-serving pages need real ids. */
async function sampleIds(dbUrl: string): Promise<SampleIds> {
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
    return { shiftId: Number(rows[0].shift_id), sessionId: Number(rows[0].session_id) };
  } finally {
    await db.end();
  }
}

function report(rows: Row[], heading: string): void {
  const width = Math.max(4, ...rows.map((row) => row.page.length));
  console.log(`\n${heading.padEnd(width)}  JS kB gz  other kB gz  requests  note`);
  for (const row of rows) {
    const js = ((bytesOf(row.loads, 'js') + bytesOf(row.loads, 'wasm')) / kB).toFixed(1);
    const other = (bytesOf(row.loads, 'other') / kB).toFixed(1);
    const note = row.problems.length ? `BUDGET: ${row.problems.join('; ')}` : 'ok';
    console.log(`${row.page.padEnd(width)}  ${js.padStart(8)}  ${other.padStart(11)}  ${String(row.loads.length).padStart(8)}  ${note}`);
  }
}

try {
  const started = Date.now();
  console.log('Starting a throwaway stack…');
  const stack = await startThrowawayStack('bench-pages', stackPort);
  onShutdown(() => stack.stop());
  const ids = await sampleIds(stack.dbUrl);

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

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--disable-background-networking'] });
  onShutdown(() => browser.close());
  const officer = await officerStorage(browser, baseUrl);
  const pages: Row[] = [];
  for (const spec of await builtPages(path.join(projectRoot, outDir), ids)) {
    const context = await phoneContext(browser, baseUrl, isStaffPage(spec.dir) ? officer : undefined);
    const page = await context.newPage();
    // The map's tiles come from openstreetmap.org, not from the site.
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    const recorder = recordLoads(page);
    for (const locale of locales) {
      const { loads, problems } = await weighFirstState(page, recorder, spec, locale);
      pages.push({ page: pagePath(locale, spec), loads, problems });
    }
    await context.close();
  }
  const actions: Row[] = [];
  for (const action of onActions) {
    const query = action.query(ids);
    // The day of intake's needs a shift of today in the officer's ward, which the seed has not; the e2e test makes one.
    if (query === null) continue;
    const storage = action.officer ? await officerStorage(browser, baseUrl, action.officer) : officer;
    const context = await phoneContext(browser, baseUrl, isStaffPage(action.dir) ? storage : undefined);
    const page = await context.newPage();
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    const { loads, problems } = await weighAction(page, recordLoads(page), action, query, baseUrl);
    actions.push({ page: `${action.name} (/vi/${action.dir}/)`, loads, problems });
    await context.close();
  }
  report(pages, 'page (first state)');
  report(actions, 'what an action loads');
  // Lighthouse once per page, in Vietnamese (the citizens' language): a run takes tens of seconds.
  printLighthouseScores(await lighthouseScores(pages.filter((row) => row.page.startsWith(`/${locales[0]}/`)).map((row) => `${baseUrl}${row.page}`)));
  done = true;
  console.log(
    `\nBudgets: content pages (${[...contentPages].map((dir) => dir || 'home').join(', ')}) 0 kB JS; every page's first state ≤ ${firstStateBudget / kB} kB gz JS ` +
      `(staff pages signed in as ${weighingOfficer}); what an action loads ≤ ${onActionBudget / kB} kB gz, never before it (1 kB = 1000 bytes).`,
  );
  const breaches = [...pages, ...actions].filter((row) => row.problems.length > 0);
  console.log(`${breaches.length === 0 ? 'OK: every page within budget' : `FAILED: ${breaches.length} over budget`}; finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await shutdown(breaches.length === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(1);
}
