import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, headerRules, inlineScriptHashes, renderHeadersFile, renderNginx, tileSource } from '../../src/integrations/static-headers.ts';
import { headersFor, parseHeadersFile } from '../../scripts/lib/static-host.ts';

const inputs = { supabaseUrl: 'https://abcdefgh.supabase.co/', tilesUrl: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', scriptHashes: ["'sha256-abc='"] };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the static host headers', () => {
  test('hash the inline scripts a page runs, not its data blocks or external scripts', () => {
    const page = '<script>one()</script><script type="module">two()</script><script type="application/json">{"a":1}</script><script type="module" src="/_astro/x.js"></script><script>one()</script>';
    expect(inlineScriptHashes([page])).toEqual([sha('one()'), sha('two()')].sort());
  });

  test('allow the Supabase origin and the tile host, a subdomain template as a wildcard', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource(inputs.tilesUrl)).toBe('https://*.tiles.example.vn');
    const csp = contentSecurityPolicy(inputs);
    expect(csp).toContain("connect-src 'self' https://abcdefgh.supabase.co;");
    expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.example.vn;");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';");
  });

  test('_headers reads back as the rules it was written from', () => {
    const rules = headerRules(inputs);
    const parsed = parseHeadersFile(renderHeadersFile(rules));
    expect(parsed.map(({ path, headers }) => ({ path, headers: Object.fromEntries(headers) }))).toEqual(rules);
    expect(headersFor(parsed, '/_astro/a.js').get('Content-Security-Policy')).toBe(contentSecurityPolicy(inputs));
  });

  test('nginx: every location repeats the security headers, as nginx inherits none into a location that sets its own', () => {
    const conf = renderNginx(headerRules(inputs));
    const locations = [...conf.matchAll(/^location ([^{]+)\{\n([\s\S]*?)^\}/gm)];
    expect(locations.map(([, where]) => where!.trim())).toEqual(['/', '/_astro/', '= /sw.js', '= /sw-retired-cache.js']);
    for (const [, , body] of locations) {
      for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'Permissions-Policy', 'X-Content-Type-Options', 'Cache-Control']) {
        expect(body).toContain(`add_header ${name} "`);
      }
    }
    expect(conf).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
    expect(conf).toContain('location = /_headers { return 404; }');
  });
});
