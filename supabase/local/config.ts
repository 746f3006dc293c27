// Where each local stack lives and which ports it takes. The dev stack mirrors `supabase start`
// (API on 54321, database on 54322); throwaway test stacks get their own ports and data.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The Supabase CLI's well-known local secret and keys: local only, never used by a hosted project.
export const jwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const publishableKey = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const secretKey = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

// Cluster superuser, standing in for hosted Supabase's supabase_admin; migrations run as postgres.
export const superuser = { user: 'supabase_admin', password: 'supabase-admin-local-only' };
export const migrationUser = { user: 'postgres', password: 'postgres' };
export const authenticatorPassword = 'authenticator-local-only';

export interface StackPorts {
  api: number;
  db: number;
  rest: number;
  restAdmin: number;
}

export interface StackConfig {
  name: string;
  dataDir: string;
  ports: StackPorts;
}

export const devStack: StackConfig = {
  name: 'dev',
  dataDir: path.join(projectRoot, 'supabase/.data/dev'),
  // The database is not on 54322: the Supabase CLI takes a URL on its config port for its Docker
  // container and then asks Docker for it.
  ports: { api: 54321, db: 54332, rest: 54325, restAdmin: 54326 },
};

/**
 * TEST_SLOT (0–9) moves the throwaway stacks' ports (and the e2e build), so several checkouts can run
 * their tests on one machine at once.
 */
export const testSlot = Number(process.env.TEST_SLOT ?? 0);

/**
 * A stack for one test run: ports from `base`, data in supabase/.data/<name>, which the caller
 * throws away. Also where the tests find the stack a run started.
 */
export function testStack(name: string, base: number): StackConfig {
  return { name, dataDir: path.join(projectRoot, 'supabase/.data', name), ports: { api: base, db: base + 1, rest: base + 2, restAdmin: base + 3 } };
}

export function dbUrl(config: StackConfig, role: { user: string; password: string } = migrationUser): string {
  return `postgresql://${role.user}:${encodeURIComponent(role.password)}@127.0.0.1:${config.ports.db}/postgres`;
}

export function apiUrl(config: StackConfig): string {
  return `http://127.0.0.1:${config.ports.api}`;
}
