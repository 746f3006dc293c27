// Every page the build writes is valid HTML for the W3C Nu checker (vnu-jar, run with Java): both
// languages, the 404 page and the root redirect. Every message it prints fails the test, warnings
// included; none is filtered out. The pages are read from the run's build directory, so a new page
// is checked without being listed here.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { e2eOutDir } from './support/ports.ts';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

async function builtPages(): Promise<string[]> {
  const entries = await readdir(e2eOutDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs the checker over the files; it exits non-zero when it finds an error, so the exit code is not the verdict: its messages are. */
async function nuMessages(files: string[]): Promise<NuMessage[]> {
  const output = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', '--stdout', ...files], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  }).catch((error: { stdout?: string; code?: unknown; message: string }) => {
    if (error.code === 'ENOENT') throw new Error('java was not found: the Nu checker needs Java 17 (Debian/Ubuntu: sudo apt-get install -y default-jre-headless)');
    if (!error.stdout) throw new Error(`the Nu checker failed: ${error.message}`);
    return { stdout: error.stdout };
  });
  return (JSON.parse(output.stdout) as { messages: NuMessage[] }).messages;
}

test('every built page passes the W3C Nu HTML checker', async () => {
  test.setTimeout(180_000);
  const pages = await builtPages();
  // Both languages' pages, so an empty or half-written build directory cannot pass.
  expect(pages).toContain(path.join(e2eOutDir, 'vi/index.html'));
  expect(pages).toContain(path.join(e2eOutDir, 'en/index.html'));

  const messages = await nuMessages(pages);
  const described = messages.map(({ type, subType, url, lastLine, message, extract }) => {
    const page = url ? path.relative(path.resolve(e2eOutDir), new URL(url).pathname) : '(checker)';
    return `${page}:${lastLine ?? '?'} ${subType ?? type}: ${message}${extract ? `\n    ${extract.trim().slice(0, 160)}` : ''}`;
  });
  expect(described, `the Nu checker's messages on ${pages.length} pages`).toEqual([]);
});
