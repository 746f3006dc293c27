// Runs the astro CLI as a child of the script (child.ts). --ignore-lock on dev and preview keeps
// them in the foreground with one PID to stop.
import path from 'node:path';
import { projectRoot } from '../../supabase/local/config.ts';
import { child } from './child.ts';

const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** Starts `astro <args>`; `exited` resolves with its exit code. Quiet keeps its output off the screen. */
export function astro(args: string[], env: Record<string, string>, { quiet = false } = {}): { exited: Promise<number> } {
  return child(process.execPath, [astroBin, ...args], env, { quiet });
}
