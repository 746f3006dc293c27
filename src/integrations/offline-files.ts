// Which built files the service worker precaches: the pages a citizen must open without a network
// and every file they load, found by following the built files' own references (the island and
// renderer scripts an HTML page names, the chunks each script imports). Code a page loads only on a
// person's action (the map) stays out, except the chunks listed as needed
// offline: the QR code of the ticket and its calendar file. Kept small for cheap phones: four pages, their scripts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { locales } from '../i18n/config.ts';

/** The ticket (the booking page) and the home-visit status page, in both languages. */
export const offlinePages: readonly string[] = locales.flatMap((locale) => [`${locale}/booking/index.html`, `${locale}/home-visit/status/index.html`]);

/** Chunks loaded on a person's action that the offline pages need: the ticket's QR generator and its calendar file's writer. */
export const offlineLazyChunks: readonly RegExp[] = [/^qrcode\.[\w-]+\.js$/, /^calendar\.[\w-]+\.js$/];

// A built page names its scripts and styles by absolute path; a stylesheet its fonts and images.
const assetReference = /\/_astro\/[\w.-]+\.\w+/g;
// Rolldown's minified output: `import{a}from"./x.js"`, `import"./x.js"` and `import(`./x.js`)`.
const staticImport = /(?:from|import)\s*["'`](\.\/[\w.-]+\.js)["'`]/g;
const dynamicImport = /import\(\s*["'`](\.\/[\w.-]+\.js)["'`]\s*\)/g;

const matches = (text: string, pattern: RegExp, group: number) => [...text.matchAll(pattern)].map((match) => match[group]!);

/**
 * The files under `outDir` (paths relative to it, with `/`) that `pages` need offline, pages
 * included, sorted. Fails when a chunk of `lazyChunks` is imported by none of them: its name changed,
 * and the ticket would lose its QR code offline without it.
 */
export async function offlineFiles(outDir: string, pages: readonly string[] = offlinePages, lazyChunks: readonly RegExp[] = offlineLazyChunks): Promise<string[]> {
  const found = new Set<string>();
  const lazyFound = new Set<RegExp>();
  const queue = [...pages];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (found.has(file)) continue;
    found.add(file);
    const text = await readFile(path.join(outDir, file), 'utf8');
    const directory = path.posix.dirname(file);
    const resolve = (relative: string) => path.posix.join(directory, relative);
    if (file.endsWith('.js')) {
      queue.push(...matches(text, staticImport, 1).map(resolve));
      for (const lazy of matches(text, dynamicImport, 1)) {
        const wanted = lazyChunks.find((pattern) => pattern.test(path.posix.basename(lazy)));
        if (!wanted) continue;
        lazyFound.add(wanted);
        queue.push(resolve(lazy));
      }
    } else if (file.endsWith('.html') || file.endsWith('.css')) {
      queue.push(...matches(text, assetReference, 0).map((absolute) => absolute.slice(1)));
    }
  }
  const missing = lazyChunks.filter((pattern) => !lazyFound.has(pattern));
  if (missing.length > 0) throw new Error(`No offline page imports a chunk matching ${missing.join(', ')}: was it renamed?`);
  return [...found].sort();
}
