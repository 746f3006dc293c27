import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectProblem, settingProblems, settingWarnings } from '../../src/integrations/site-settings.ts';
import { projectRoot } from '../../supabase/local/config.ts';

const ready = {
  PUBLIC_SUPABASE_URL: 'https://abcdefgh.supabase.co',
  PUBLIC_SUPABASE_ANON_KEY: 'sb_publishable_abc',
  SITE_URL: 'https://cccd.congan.hue.gov.vn',
};

describe('the build settings', () => {
  test('a build without settings is told the three it must have', () => {
    expect(settingProblems({})).toEqual(['PUBLIC_SUPABASE_URL is not set', 'PUBLIC_SUPABASE_ANON_KEY is not set', 'SITE_URL is not set']);
    expect(settingProblems({ ...ready, SITE_URL: '  ' })).toEqual(['SITE_URL is not set']);
  });

  test('the required three are enough; the tiles default to OpenStreetMap with a warning', () => {
    expect(settingProblems(ready)).toEqual([]);
    expect(settingWarnings(ready)).toEqual([expect.stringContaining('OpenStreetMap')]);
    const tiles = { PUBLIC_MAP_TILES_URL: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png', PUBLIC_MAP_TILES_ATTRIBUTION: '© Example' };
    expect(settingProblems({ ...ready, ...tiles })).toEqual([]);
    expect(settingWarnings({ ...ready, ...tiles })).toEqual([]);
  });

  test('wrong values are named with what is wrong', () => {
    expect(settingProblems({ ...ready, PUBLIC_SUPABASE_ANON_KEY: 'sb_secret_xyz' })).toEqual(['PUBLIC_SUPABASE_ANON_KEY is a secret key: use the publishable (anon) key']);
    expect(settingProblems({ ...ready, SITE_URL: 'http://cccd.example.vn' })).toEqual(['SITE_URL must start with https:// (http:// only for localhost)']);
    expect(settingProblems({ ...ready, SITE_URL: 'http://localhost:4321' })).toEqual([]);
    expect(settingProblems({ ...ready, PUBLIC_SUPABASE_URL: 'abcdefgh.supabase.co' })).toEqual(['PUBLIC_SUPABASE_URL is not a URL']);
    expect(settingProblems({ ...ready, PUBLIC_MAP_TILES_URL: 'https://tiles.example.vn/tile.png', PUBLIC_MAP_TILES_ATTRIBUTION: '© Example' })).toEqual([
      'PUBLIC_MAP_TILES_URL needs {z}, {x} and {y}',
    ]);
    expect(settingProblems({ ...ready, PUBLIC_MAP_TILES_URL: 'https://tiles.example.vn/{z}/{x}/{y}.png' })).toEqual([
      'PUBLIC_MAP_TILES_ATTRIBUTION is not set, and PUBLIC_MAP_TILES_URL needs it',
    ]);
  });

  test('the build asks the project once, and says when it does not answer or refuses the key', async () => {
    // A stand-in for the project's API: the anon key `good` reads the campaigns, any other is refused.
    const api = createServer((request, response) => {
      const ok = request.url === '/rest/v1/campaigns?select=slug&limit=1' && request.headers.apikey === 'good';
      response.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(ok ? '[]' : '{}');
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    try {
      expect(await projectProblem({ ...ready, PUBLIC_SUPABASE_URL: url, PUBLIC_SUPABASE_ANON_KEY: 'good' })).toBeUndefined();
      expect(await projectProblem({ ...ready, PUBLIC_SUPABASE_URL: `${url}/`, PUBLIC_SUPABASE_ANON_KEY: 'good' })).toBeUndefined();
      expect(await projectProblem({ ...ready, PUBLIC_SUPABASE_URL: url, PUBLIC_SUPABASE_ANON_KEY: 'bad' })).toBe(
        `The project at ${url} refused PUBLIC_SUPABASE_ANON_KEY (401): set the project's publishable (anon) key.`,
      );
    } finally {
      await new Promise((resolve) => api.close(resolve));
    }
    // A port that was free a moment ago, where nothing listens.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const nowhere = `127.0.0.1:${(gone.address() as AddressInfo).port}`;
    await new Promise((resolve) => gone.close(resolve));
    expect(await projectProblem({ ...ready, PUBLIC_SUPABASE_URL: `http://${nowhere}` })).toBe(
      `The build reads the campaigns from PUBLIC_SUPABASE_URL (http://${nowhere}), which did not answer: connect ECONNREFUSED ${nowhere}. Is it the project's API URL, and does this machine reach it?`,
    );
  });

  // A .env file in the project would give the build its settings.
  const envFiles = ['.env', '.env.local', '.env.production', '.env.production.local'].filter((file) => existsSync(path.join(projectRoot, file)));
  test.skipIf(envFiles.length > 0)('`npm run build` without settings stops at once with one message, not a stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    for (const name of ['PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'SITE_URL']) expect(run.stderr).toContain(`✗ ${name} is not set`);
    expect(run.stderr).toContain('PUBLIC_MAP_TILES_URL');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // Astro never started.
    expect(run.stdout).toBe('');
  });
});
