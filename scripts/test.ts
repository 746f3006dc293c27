// `npm test`: type checks and the linter, then the unit, db and e2e layers. Every layer runs even when an
// earlier one failed, so one run shows everything; the exit code is non-zero if any failed.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../supabase/local/config.ts';
import { child } from './lib/child.ts';
import { failOnSignal } from './lifecycle.ts';

// An interrupted run has not passed.
failOnSignal();

const results = path.join(projectRoot, 'test-results');
const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Reads the step's JSON report: [passed, failed, skipped]. */
  count?: () => Promise<[number, number, number]>;
}

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(results, file), 'utf8')) as T;
}

const vitestCount = (file: string) => async (): Promise<[number, number, number]> => {
  const report = await json<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(file);
  return [report.numPassedTests, report.numFailedTests, report.numPendingTests + report.numTodoTests];
};

const vitest = (project: string): Step => ({
  name: `${project} tests`,
  command: [bin('vitest'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${results}/${project}.json`],
  count: vitestCount(`${project}.json`),
});

const steps: Step[] = [
  { name: 'astro check', command: [bin('astro'), 'check'], env: { ASTRO_TELEMETRY_DISABLED: '1' } },
  { name: 'tsc', command: [bin('tsc'), '--noEmit'] },
  // After astro check, which has written the astro:content types (.astro/) the linter reads.
  { name: 'eslint', command: [bin('eslint'), '.', '--max-warnings', '0'] },
  vitest('unit'),
  vitest('db'),
  {
    name: 'e2e tests',
    command: [bin('playwright'), 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'e2e.json') },
    count: async () => {
      const { stats } = await json<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('e2e.json');
      return [stats.expected, stats.unexpected + stats.flaky, stats.skipped];
    },
  },
];

function run(step: Step): Promise<number> {
  const [command, ...args] = step.command;
  // Ctrl-C also reaches the child straight from the terminal: Playwright takes a second SIGINT
  // within a second as the same request, and Vitest stops at the first (its stack is leashed to it).
  return child(command!, args, step.env ?? {}, { stopSignal: 'SIGINT' }).exited;
}

await rm(results, { recursive: true, force: true });
await mkdir(results, { recursive: true });
const totals = [0, 0, 0];
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const code = await run(step);
  const counts = await step.count?.().catch(() => undefined);
  counts?.forEach((n, i) => (totals[i]! += n));
  if (code !== 0 || (counts && counts[1] > 0)) failedSteps.push(step.name);
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

console.log(failedSteps.length ? `\nFailed: ${failedSteps.join(', ')}` : '\nAll checks passed.');
console.log(`tests: ${totals[0]} passed, ${totals[1]} failed, ${totals[2]} skipped`);
process.exit(failedSteps.length ? 1 : 0);
