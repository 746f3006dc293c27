// Helpers to find and stop what an earlier run left behind (a SIGKILLed parent cannot clean up).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function commandLine(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
}

/** Sends `signal`, then SIGKILL if the process is still there after `graceMs`. */
export async function stopPid(pid: number, signal: NodeJS.Signals, graceMs = 5000): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Polls `check` until it returns true or `timeoutMs` passes; each check has its own timeout. */
export async function waitFor(what: string, check: (signal: AbortSignal) => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check(AbortSignal.timeout(1000)).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export interface Leash {
  release(): void;
}

/**
 * Ties a process to this one: a small shell waits on a pipe from us and signals `pid` when the
 * pipe closes, which also happens when we are SIGKILLed and cannot run any cleanup of our own.
 */
export function leash(pid: number, signal: 'INT' | 'TERM'): Leash {
  const watcher = spawn('sh', ['-c', 'trap "" INT; read -r _; kill -s "$1" "$0" 2>/dev/null', String(pid), signal], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watcher.unref();
  return {
    release: () => {
      watcher.kill('SIGKILL');
    },
  };
}
