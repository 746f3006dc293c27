import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offlineFiles } from '../../src/integrations/offline-files.ts';

// A built site in miniature, written as Astro and Rolldown write it: an island page, its scripts
// (minified imports), a chunk loaded on demand that the ticket needs offline and one it does not.
const site: Record<string, string> = {
  'vi/booking/index.html':
    '<html><head><link rel="stylesheet" href="/_astro/page.C1.css"></head><body>' +
    '<astro-island component-url="/_astro/ManageIsland.A1.js" renderer-url="/_astro/client.B2.js"></astro-island></body></html>',
  'vi/other/index.html': '<astro-island component-url="/_astro/Map.Z9.js"></astro-island>',
  '_astro/page.C1.css': '@font-face{src:url(/_astro/font.F1.woff2)}',
  '_astro/font.F1.woff2': '',
  '_astro/ManageIsland.A1.js': 'import{n as e}from"./react.R1.js";import"./side.S1.js";import{t}from"./Qr.Q1.js";',
  '_astro/client.B2.js': 'import{n as e}from"./react.R1.js";',
  '_astro/react.R1.js': 'var e=1;export{e as n};',
  '_astro/side.S1.js': 'console.log(1);',
  '_astro/Qr.Q1.js': 'n(async()=>{let{default:e}=await import(`./qrcode.K1.js`);return{default:e}},[]);n(()=>import("./calendar.L1.js"),[]);',
  '_astro/qrcode.K1.js': 'import{t}from"./rolldown-runtime.X1.js";',
  '_astro/rolldown-runtime.X1.js': '',
  '_astro/calendar.L1.js': 'import{n}from"./big.Y1.js";',
  '_astro/big.Y1.js': '',
  '_astro/Map.Z9.js': '',
};

let outDir = '';
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'offline-files-'));
  for (const [file, text] of Object.entries(site)) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), text);
  }
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the files precached for the offline pages', () => {
  test('are the page, what it names, everything its scripts import and the lazy chunks asked for, with theirs', async () => {
    expect(await offlineFiles(outDir, ['vi/booking/index.html'], [/^qrcode\.[\w-]+\.js$/])).toEqual([
      '_astro/ManageIsland.A1.js',
      '_astro/Qr.Q1.js',
      '_astro/client.B2.js',
      '_astro/font.F1.woff2',
      '_astro/page.C1.css',
      '_astro/qrcode.K1.js',
      '_astro/react.R1.js',
      '_astro/rolldown-runtime.X1.js',
      '_astro/side.S1.js',
      'vi/booking/index.html',
    ]);
  });

  test('leave out what is loaded only on a person\'s action, and the other pages', async () => {
    const files = await offlineFiles(outDir, ['vi/booking/index.html'], []);
    expect(files).not.toContain('_astro/qrcode.K1.js');
    expect(files).not.toContain('_astro/calendar.L1.js');
    expect(files).not.toContain('_astro/Map.Z9.js');
  });

  test('cannot be listed when a lazy chunk the ticket needs is imported by no offline page', async () => {
    await expect(offlineFiles(outDir, ['vi/booking/index.html'], [/^qrcode\.[\w-]+\.js$/, /^scanner\./])).rejects.toThrow(/scanner/);
  });
});
