// `npm run dev`: the local Supabase stack, then the Astro dev server wired to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { devStack, projectRoot } from '../supabase/local/config.ts';
import { leash } from '../supabase/local/processes.ts';
import { startStack } from '../supabase/local/stack.ts';
import { onShutdown, shutdown } from './lifecycle.ts';
import { stackBanner } from './stack-banner.ts';
import { siteEnv } from './site-env.ts';

const port = Number(process.env.PORT ?? 4321);

try {
  const stack = await startStack(devStack, { durable: true, log: console.log });
  onShutdown(stack.stop);
  // --ignore-lock keeps astro in the foreground with one PID we can stop.
  const astro = spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port)],
    { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...siteEnv(stack) } },
  );
  const tie = leash(astro.pid!, 'TERM');
  const exited = new Promise<void>((resolve) => astro.once('exit', () => resolve()));
  onShutdown(async () => {
    tie.release();
    if (astro.exitCode === null) astro.kill('SIGTERM');
    await exited;
  });
  astro.once('exit', (code) => void shutdown(code ?? 0));
  console.log(stackBanner(stack, `http://localhost:${port}/`));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
