// The HTTP headers a static host must send with the built site, written by the build in two forms
// from one list of rules: `_headers` (Netlify, Cloudflare Pages) and `nginx-headers.conf`. The
// Content-Security-Policy names exactly what the pages load: this site, the Supabase project
// (PUBLIC_SUPABASE_URL), the map tile provider (src/lib/map-tiles.ts) and, by hash, each inline
// script the built pages hold (Astro's island loaders, the language switcher's few lines).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapTiles } from '../lib/map-tiles.ts';

export interface HeaderRule {
  /** A path as `_headers` writes it: exact, or ending in `*`. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

export const headersFile = '_headers';
export const nginxFile = 'nginx-headers.conf';

/** The `sha256-…` source of every inline script (without src) in the pages, each once, sorted. */
export function inlineScriptHashes(pages: readonly string[]): string[] {
  const hashes = new Set<string>();
  for (const html of pages) {
    for (const [, attributes = '', body = ''] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
      // Data blocks (JSON) are not run and need no hash.
      if (/\ssrc=/.test(attributes) || /\stype="(?!module"|text\/javascript")/.test(attributes)) continue;
      hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** The source a CSP needs for a tile URL template: its origin, a `{s}` subdomain as `*`. */
export function tileSource(template: string): string {
  const origin = /^https?:\/\/[^/]+/.exec(template)?.[0];
  if (!origin) throw new Error(`The map tile URL ${template} has no origin`);
  return origin.replace(/\{[a-z]\}/, '*');
}

export interface HeaderInputs {
  supabaseUrl: string;
  tilesUrl: string;
  scriptHashes: readonly string[];
}

export function contentSecurityPolicy({ supabaseUrl, tilesUrl, scriptHashes }: HeaderInputs): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // The staff scanner's QR decoder is WebAssembly (zxing-wasm, served from this site).
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...scriptHashes],
    // Each page inlines its CSS, and the progress bars carry their width in a style attribute.
    'style-src': ["'self'", "'unsafe-inline'"],
    // QR codes are data: images; the map's tiles come from the provider.
    'img-src': ["'self'", 'data:', 'blob:', tileSource(tilesUrl)],
    'connect-src': ["'self'", new URL(supabaseUrl).origin],
    'font-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function headerRules(inputs: HeaderInputs): HeaderRule[] {
  const revalidate = { 'Cache-Control': 'no-cache' };
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': contentSecurityPolicy(inputs),
        'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
        // The staff scanner's camera and the search near me: this site only, nothing else.
        'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
        'X-Content-Type-Options': 'nosniff',
        // Tile providers (OpenStreetMap among them) want the site's origin, and no more.
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      },
    },
    // Astro names these by their content's hash: a changed file is a new name.
    { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
    // A stale worker would keep serving an old build's pages: the browser must ask every time,
    // and for the script the worker imports too.
    { path: '/sw.js', headers: revalidate },
    { path: '/sw-retired-cache.js', headers: revalidate },
  ];
}

/** Netlify's and Cloudflare Pages' `_headers`: every rule whose path matches applies. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(({ path: rulePath, headers }) =>
    [rulePath, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build (src/integrations/static-headers.ts). Netlify and Cloudflare Pages read it.\n${blocks.join('\n')}\n`;
}

/**
 * nginx: a location that sets any header inherits none from the server, so every location repeats
 * the headers of `/*`; HTML and the rest are revalidated, as the hosts above do by default.
 */
export function renderNginx(rules: readonly HeaderRule[]): string {
  const [all, ...specific] = rules;
  if (all?.path !== '/*') throw new Error('The first header rule must be /*');
  const lines = (headers: Readonly<Record<string, string>>) =>
    Object.entries({ ...all.headers, ...headers }).map(([name, value]) => `  add_header ${name} "${value}" always;`);
  const location = (rulePath: string) => (rulePath.endsWith('*') ? `location ${rulePath.slice(0, -1)}` : `location = ${rulePath}`);
  return [
    '# Written by the build (src/integrations/static-headers.ts): include it in the site\'s server block.',
    'location / {',
    '  try_files $uri $uri/index.html =404;',
    ...lines({ 'Cache-Control': 'no-cache' }),
    '}',
    ...specific.flatMap(({ path: rulePath, headers }) => [`${location(rulePath)} {`, ...lines(headers), '}']),
    `location = /${headersFile} { return 404; }`,
    `location = /${nginxFile} { return 404; }`,
    'error_page 404 /404.html;',
    '',
  ].join('\n');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

export function staticHeaders(): AstroIntegration {
  return {
    name: 'cccd-static-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await Promise.all((await htmlFiles(outDir)).map((file) => readFile(file, 'utf8')));
        const supabaseUrl = process.env.PUBLIC_SUPABASE_URL;
        if (!supabaseUrl) throw new Error('PUBLIC_SUPABASE_URL is not set');
        const rules = headerRules({ supabaseUrl, tilesUrl: mapTiles(process.env).url, scriptHashes: inlineScriptHashes(pages) });
        await writeFile(path.join(outDir, headersFile), renderHeadersFile(rules));
        await writeFile(path.join(outDir, nginxFile), renderNginx(rules));
        logger.info(`${headersFile} and ${nginxFile} written: the headers a static host sends (README, "Deploying")`);
      },
    },
  };
}
