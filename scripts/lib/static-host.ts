// Serves a built site as a static host does, with the headers the build wrote for such hosts
// (`_headers`, src/integrations/static-headers.ts): `npm run preview` shows the production site
// under its real Content-Security-Policy, and the headers test opens pages through it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { headersFile } from '../../src/integrations/static-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export type HeaderRules = { path: string; headers: [name: string, value: string][] }[];

/** Reads a `_headers` file: a path line, then its indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a path: every rule that matches applies, as on Netlify and Cloudflare Pages. */
export function headersFor(rules: HeaderRules, pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
  if (!file.startsWith(root)) return undefined;
  for (const candidate of [file, path.join(file, 'index.html')]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/** Serves `root` on 127.0.0.1:`port` until closed. */
export async function serveStatic(root: string, port: number): Promise<Server> {
  const rules = parseHeadersFile(await readFile(path.join(root, headersFile), 'utf8'));
  const server = createServer((request, response) => {
    void (async () => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const found = pathname === `/${headersFile}` ? undefined : await fileFor(root, pathname);
      const file = found ?? path.join(root, '404.html');
      response.statusCode = found ? 200 : 404;
      for (const [name, value] of headersFor(rules, pathname)) response.setHeader(name, value);
      response.setHeader('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
