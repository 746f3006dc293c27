// The production build served against a local stack: the stack starts (as `npm run dev` starts
// it), the site is built by `npm run build`'s own script (settings checked, `_headers` and the
// service worker written) into its own directory, then served as a static host serves it, with
// those headers. Everything stops on every way out (lifecycle.ts).
import path from 'node:path';
import { projectRoot, type StackConfig } from '../../supabase/local/config.ts';
import { startStack, type StackOptions } from '../../supabase/local/stack.ts';
import { onShutdown, shutdown } from '../lifecycle.ts';
import { siteEnv } from '../site-env.ts';
import { stackBanner } from '../stack-banner.ts';
import { child } from './child.ts';
import { serveStatic } from './static-host.ts';

export interface PreviewOptions {
  stack: StackConfig;
  stackOptions: StackOptions;
  port: number;
  /** Where the build goes (not dist/, which stays the deployable build). */
  outDir: string;
}

export async function preview({ stack: config, stackOptions, port, outDir }: PreviewOptions): Promise<void> {
  const siteUrl = `http://localhost:${port}`;
  try {
    const stack = await startStack(config, stackOptions);
    onShutdown(() => stack.stop());
    const env = { ...siteEnv(stack), SITE_URL: siteUrl, ASTRO_OUT_DIR: outDir };
    const built = await child(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], env).exited;
    if (built !== 0) await shutdown(built);
    const server = await serveStatic(path.resolve(projectRoot, outDir), port);
    onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));
    console.log(stackBanner(stack, `${siteUrl}/ (the production build, with its service worker and headers)`));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
