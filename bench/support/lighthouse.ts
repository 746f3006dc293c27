// Lighthouse (npm `lighthouse`) on each page, for `npm run bench:pages`: its mobile run, as the
// issue measured it (a phone's screen, slow 4G and a CPU 4× slower, simulated from one real load),
// gives the performance score and the layout shift (CLS) per page. The goal is a score ≥ 95; it is
// printed, not enforced: the score follows the machine's load, and the layout-shift gate that
// fails is tests/e2e/layout-shift.spec.ts. Lighthouse drives a Chromium launched by Playwright
// (the system's, as everywhere here) through its debugging port.
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../scripts/lib/chromium.ts';
import { onShutdown } from '../../scripts/lifecycle.ts';

export const performanceGoal = 95;

export interface LighthouseScore {
  url: string;
  /** 0–100; null when Lighthouse could not score the page (`problem` says why). */
  performance: number | null;
  cls: number | null;
  /** Largest contentful paint and total blocking time, ms: where a low score comes from. */
  lcpMs: number | null;
  tbtMs: number | null;
  problem?: string;
}

/** A port nobody listens on now, for the browser's debugging port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port for the debugging port');
  return address.port;
}

/** Lighthouse's mobile performance run of each address, one after the other (a page is measured alone). */
export async function lighthouseScores(urls: readonly string[]): Promise<LighthouseScore[]> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [`--remote-debugging-port=${port}`, '--disable-background-networking'],
  });
  // Closed on Ctrl-C too, not only when the run ends.
  onShutdown(() => browser.close());
  try {
    const scores: LighthouseScore[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, { port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const lhr = result?.lhr;
      const score = lhr?.categories.performance?.score;
      const metric = (audit: string) => lhr?.audits[audit]?.numericValue ?? null;
      scores.push({
        url,
        performance: typeof score === 'number' ? Math.round(score * 100) : null,
        cls: metric('cumulative-layout-shift'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        problem: lhr?.runtimeError?.message ?? (lhr ? undefined : 'no result'),
      });
    }
    return scores;
  } finally {
    await browser.close();
  }
}

/** The scores as a table, each page marked where it misses the goal. */
export function printLighthouseScores(scores: readonly LighthouseScore[]): void {
  const path = (url: string) => {
    const { pathname, search } = new URL(url);
    return pathname + search;
  };
  const width = Math.max(4, ...scores.map((score) => path(score.url).length));
  console.log(`\nLighthouse, mobile (slow 4G, CPU 4× slower, simulated); goal: performance ≥ ${performanceGoal}`);
  console.log(`${'page'.padEnd(width)}  performance    CLS  LCP s  TBT ms  note`);
  for (const score of scores) {
    const note = score.problem ?? (score.performance !== null && score.performance < performanceGoal ? `below ${performanceGoal}` : 'ok');
    const performance = score.performance === null ? '' : String(score.performance);
    const cls = score.cls === null ? '' : score.cls.toFixed(3);
    const lcp = score.lcpMs === null ? '' : (score.lcpMs / 1000).toFixed(1);
    const tbt = score.tbtMs === null ? '' : score.tbtMs.toFixed(0);
    console.log(`${path(score.url).padEnd(width)}  ${performance.padStart(11)}  ${cls.padStart(5)}  ${lcp.padStart(5)}  ${tbt.padStart(6)}  ${note}`);
  }
  console.log('The score follows the machine\'s load (the CPU is shared): read it as a guide, the CLS as the page\'s own.');
}
