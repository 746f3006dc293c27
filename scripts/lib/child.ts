// Runs a command as a child that is stopped on every way out of the script (lifecycle.ts), and
// also when the script is SIGKILLed (the leash), so nothing it started outlives the script.
import { spawn } from 'node:child_process';
import { projectRoot } from '../../supabase/local/config.ts';
import { leash } from '../../supabase/local/processes.ts';
import { onShutdown } from '../lifecycle.ts';

interface ChildOptions {
  /** Keeps its output off the screen. */
  quiet?: boolean;
  /**
   * How it is asked to stop. Test runners want SIGINT, as from Ctrl-C: on SIGTERM Playwright exits
   * at once and leaves its web server (and that server's stack) running.
   */
  stopSignal?: 'SIGINT' | 'SIGTERM';
}

/** Starts `command args` in the project root; `exited` resolves with its exit code (1 if a signal ended it). */
export function child(
  command: string,
  args: string[],
  env: Record<string, string>,
  { quiet = false, stopSignal = 'SIGTERM' }: ChildOptions = {},
): { exited: Promise<number> } {
  const spawned = spawn(command, args, {
    cwd: projectRoot,
    stdio: quiet ? 'ignore' : 'inherit',
    env: { ...process.env, ...env },
  });
  const tie = leash(spawned.pid!, stopSignal === 'SIGINT' ? 'INT' : 'TERM');
  const exited = new Promise<number>((resolve) =>
    spawned.once('exit', (code) => {
      // Released at once: a leash left on would signal whatever process reuses the PID later.
      tie.release();
      resolve(code ?? 1);
    }),
  );
  onShutdown(async () => {
    if (spawned.exitCode === null && spawned.signalCode === null) spawned.kill(stopSignal);
    await exited;
  });
  return { exited };
}
