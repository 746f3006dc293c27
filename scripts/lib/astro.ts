// Runs the astro CLI as a child that is stopped on every way out of the script (lifecycle.ts), and
// also when the script is SIGKILLed (the leash). --ignore-lock on dev and preview keeps them in
// the foreground with one PID to stop.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../supabase/local/config.ts';
import { leash } from '../../supabase/local/processes.ts';
import { onShutdown } from '../lifecycle.ts';

const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** Starts `astro <args>`; `exited` resolves with its exit code. Quiet keeps its output off the screen. */
export function astro(args: string[], env: Record<string, string>, { quiet = false } = {}): { exited: Promise<number> } {
  const child = spawn(process.execPath, [astroBin, ...args], {
    cwd: projectRoot,
    stdio: quiet ? 'ignore' : 'inherit',
    env: { ...process.env, ...env },
  });
  const tie = leash(child.pid!, 'TERM');
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  onShutdown(async () => {
    tie.release();
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  return { exited };
}
