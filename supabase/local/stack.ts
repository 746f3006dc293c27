// One local Supabase stack: Postgres, migrations and seed, PostgREST, the gateway. Stopping it
// stops every process it started, in reverse order.
import { apiUrl, dbUrl, publishableKey, secretKey, superuser, type StackConfig } from './config.ts';
import { legacyKey } from './keys.ts';
import { startGateway } from './gateway.ts';
import { pushMigrations } from './cli.ts';
import { ensureDemoStaff } from './demo-staff.ts';
import { startLocalFunctions, type LocalFunctionsOptions } from './functions.ts';
import { startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { startScheduledJobs } from './jobs.ts';

export interface RunningStack {
  config: StackConfig;
  apiUrl: string;
  /** As postgres, the role migrations run as (not a superuser, as on hosted Supabase). */
  dbUrl: string;
  /** As the cluster superuser, for what only hosted Supabase's own admin could do. */
  superuserDbUrl: string;
  publishableKey: string;
  secretKey: string;
  anonKey: string;
  serviceRoleKey: string;
  stop: () => Promise<void>;
}

export interface StackOptions {
  /** Keep fsync on: the dev data should survive a power cut; throwaway test data need not. */
  durable: boolean;
  restPoolSize?: number;
  log?: (line: string) => void;
  /** Serve the message sender at /functions/v1/send-messages and run it on a timer (npm run dev); staff-accounts is always served. */
  functions?: LocalFunctionsOptions;
  /** Run private.scheduled_jobs on their intervals, as pg_cron does on hosted (npm run dev, benchmarks). */
  scheduledJobs?: boolean;
}

// The dev stack's ports sit where Linux also picks ports for outgoing connections, so one can be
// briefly taken by a passing connection: try again rather than fail the start.
async function retryIfPortBusy<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt === 3 || !/in use|EADDRINUSE/i.test(String((error as Error).message ?? error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export async function startStack(config: StackConfig, options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => console.error(error));
    stops.length = 0;
  };
  try {
    let started = Date.now();
    const postgres = await startPostgres(config, { durable: options.durable });
    stops.push(postgres.stop);
    log(`[db] Postgres ${postgres.created ? 'initialised and started' : 'started'} in ${Date.now() - started} ms`);

    started = Date.now();
    await pushMigrations(config);
    log(`[db] migrations and seed up to date in ${Date.now() - started} ms`);

    const postgrest = await retryIfPortBusy(() => startPostgrest(config, options.restPoolSize));
    stops.push(postgrest.stop);
    const functions = await startLocalFunctions(apiUrl(config), { anonKey: publishableKey, serviceKey: secretKey }, options.functions);
    stops.push(functions.stop);
    const gateway = await retryIfPortBusy(() => startGateway(config, functions));
    stops.push(gateway.stop);
    // Stopped first (reverse order), so no run is left calling a gateway that is gone.
    stops.push(functions.startTimer());
    if (options.scheduledJobs) {
      const jobs = await startScheduledJobs(dbUrl(config), log);
      stops.push(jobs.stop);
      log(`[db] scheduled jobs running here as pg_cron would: ${jobs.names.join(', ') || 'none'}`);
    }
    await ensureDemoStaff(apiUrl(config), secretKey);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    config,
    apiUrl: apiUrl(config),
    dbUrl: dbUrl(config),
    superuserDbUrl: dbUrl(config, superuser),
    publishableKey,
    secretKey,
    anonKey: await legacyKey('anon'),
    serviceRoleKey: await legacyKey('service_role'),
    stop,
  };
}
