// Playwright's web server: a throwaway stack, the site built against it, and `astro preview`.
import { startThrowawayStack } from '../../../supabase/local/throwaway.ts';
import { astro } from '../../../scripts/lib/astro.ts';
import { onShutdown, shutdown } from '../../../scripts/lifecycle.ts';
import { siteEnv } from '../../../scripts/site-env.ts';
import { e2eOutDir, e2eStackBasePort, e2eStackName, previewPort } from './ports.ts';

const stack = await startThrowawayStack(e2eStackName, e2eStackBasePort);
onShutdown(() => stack.stop());
const env = { ...siteEnv(stack), ASTRO_OUT_DIR: e2eOutDir };
if ((await astro(['build'], env).exited) !== 0) await shutdown(1);
await shutdown(await astro(['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(previewPort)], env).exited);
