// `npm run dev`: the local Supabase stack, then the Astro dev server wired to it.
import { devStack } from '../supabase/local/config.ts';
import { startStack } from '../supabase/local/stack.ts';
import { astro } from './lib/astro.ts';
import { onShutdown, shutdown } from './lifecycle.ts';
import { stackBanner } from './stack-banner.ts';
import { localFunctions, siteEnv } from './site-env.ts';

const port = Number(process.env.PORT ?? 4321);

try {
  const functions = localFunctions(`http://localhost:${port}`);
  const stack = await startStack(devStack, { durable: true, log: console.log, functions, scheduledJobs: true });
  onShutdown(() => stack.stop());
  const { exited } = astro(['dev', '--ignore-lock', '--port', String(port)], siteEnv(stack));
  console.log(stackBanner(stack, `http://localhost:${port}/`));
  console.log(`Messages sent (local inbox): ${stack.apiUrl}/functions/v1/send-messages/inbox\n`);
  void exited.then((code) => shutdown(code));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
