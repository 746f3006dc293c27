// Playwright's web server: a throwaway stack, the site built against it, and `astro preview`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../../supabase/local/config.ts';
import { leash } from '../../../supabase/local/processes.ts';
import { startThrowawayStack } from '../../../supabase/local/throwaway.ts';
import { onShutdown, shutdown } from '../../../scripts/lifecycle.ts';
import { siteEnv } from '../../../scripts/site-env.ts';
import { e2eOutDir, e2eStackBasePort, e2eStackName, previewPort } from './ports.ts';

const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** Runs astro with `args`; resolves when it exits, with the child so a server can be stopped. */
function astro(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [astroBin, ...args], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const tie = leash(child.pid!, 'TERM');
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  onShutdown(async () => {
    tie.release();
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  return exited;
}

const stack = await startThrowawayStack(e2eStackName, e2eStackBasePort);
onShutdown(stack.stop);
const env = { ...siteEnv(stack), ASTRO_OUT_DIR: e2eOutDir };
if ((await astro(['build'], env)) !== 0) await shutdown(1);
const code = await astro(['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(previewPort)], env);
await shutdown(code);
