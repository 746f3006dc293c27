// `npm run dev`: the local Supabase stack, then the Astro dev server wired to it.
import { devStack } from '../supabase/local/config.ts';
import { startStack } from '../supabase/local/stack.ts';
import { astro } from './lib/astro.ts';
import { onShutdown, shutdown } from './lifecycle.ts';
import { stackBanner } from './stack-banner.ts';
import { siteEnv } from './site-env.ts';

const port = Number(process.env.PORT ?? 4321);

try {
  const stack = await startStack(devStack, { durable: true, log: console.log });
  onShutdown(() => stack.stop());
  const { exited } = astro(['dev', '--ignore-lock', '--port', String(port)], siteEnv(stack));
  console.log(stackBanner(stack, `http://localhost:${port}/`));
  void exited.then((code) => shutdown(code));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
