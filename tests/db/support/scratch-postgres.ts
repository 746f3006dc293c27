// A Postgres of a test's own, bootstrapped as every local stack is, without PostgREST or the
// gateway: for tests that build databases side by side. Stopping it removes its data.
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { dbUrl, superuser, testStack, type StackConfig } from '../../../supabase/local/config.ts';
import { startPostgres, stopLeftover } from '../../../supabase/local/postgres.ts';

export interface ScratchPostgres {
  config: StackConfig;
  /** A new database copied from the bootstrapped `postgres` one; its URL for the migration role. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startScratchPostgres(name: string, basePort: number): Promise<ScratchPostgres> {
  const config = testStack(name, basePort);
  await stopLeftover(config.dataDir);
  await rm(config.dataDir, { recursive: true, force: true });
  const postgres = await startPostgres(config, { durable: false });
  return {
    config,
    async createDatabase(database) {
      const admin = new pg.Client({ connectionString: dbUrl(config, superuser) });
      await admin.connect();
      try {
        await admin.query(`create database ${database} template postgres`);
        await admin.query(`grant all on database ${database} to postgres`);
      } finally {
        await admin.end();
      }
      return dbUrl(config).replace(/\/postgres$/, `/${database}`);
    },
    async stop() {
      await postgres.stop();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}
