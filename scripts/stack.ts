// `npm run stack`: the local Supabase stack alone, for working on the database.
import { devStack } from '../supabase/local/config.ts';
import { startStack } from '../supabase/local/stack.ts';
import { onShutdown, shutdown } from './lifecycle.ts';
import { stackBanner } from './stack-banner.ts';

const started = Date.now();
try {
  const stack = await startStack(devStack, { durable: true, log: console.log, scheduledJobs: true });
  onShutdown(() => stack.stop());
  console.log(stackBanner(stack));
  console.log(`Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
