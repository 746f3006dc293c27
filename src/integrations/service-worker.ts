// Generates the service worker (sw.js at the site's root) with Workbox once the site is built: it
// precaches the offline pages and their files (offline-files.ts), so a ticket or a home-visit
// receipt opens without a network even on a page never visited before. Each file is listed with
// its revision (the hash in its name, or a hash of its content), so a new build fetches only what
// changed and drops the rest; the new worker takes over at once, so the next visit gets the new pages.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { offlineFiles } from './offline-files.ts';

export function serviceWorker(): AstroIntegration {
  return {
    name: 'cccd-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = await offlineFiles(outDir);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: files,
          swDest: path.join(outDir, 'sw.js'),
          cacheId: 'cccd',
          // Astro's hashed file names are their own revision.
          dontCacheBustURLsMatching: /^_astro\//,
          cleanupOutdatedCaches: true,
          // public/sw-retired-cache.js: the hand-written worker's cache goes too.
          importScripts: ['sw-retired-cache.js'],
          skipWaiting: true,
          // The page that registered the worker is served by it too: its QR chunk comes from the cache.
          clientsClaim: true,
          // One file: no second request for Workbox's runtime.
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`sw.js precaches ${count} files, ${(size / 1000).toFixed(1)} kB`);
      },
    },
  };
}
