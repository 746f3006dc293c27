// `npm run db:reset`: `supabase db reset` on the local dev database: drops what the migrations
// made, applies them and the seed again. Works whether or not `npm run dev` is running.
import { connect } from 'node:net';
import { devStack } from '../supabase/local/config.ts';
import { reloadPostgrestSchema, resetDatabase } from '../supabase/local/cli.ts';
import { startPostgres } from '../supabase/local/postgres.ts';
import { onShutdown, shutdown } from './lifecycle.ts';

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const answer = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => answer(true)).once('error', () => answer(false));
    socket.setTimeout(1000, () => answer(false));
  });
}

const running = await portIsOpen(devStack.ports.db);
if (!running) {
  const postgres = await startPostgres(devStack, { durable: true });
  onShutdown(() => postgres.stop());
}
console.log(await resetDatabase(devStack));
// A running dev stack's PostgREST must see the rebuilt schema.
if (running) await reloadPostgrestSchema(devStack);
await shutdown(0);
