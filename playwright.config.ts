import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromiumPath as chromium } from './scripts/lib/chromium.ts';
import { e2eStackName, previewPort, siteUrl } from './tests/e2e/support/ports.ts';

if (!existsSync(chromium)) {
  throw new Error(
    `Chromium was not found at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/${e2eStackName}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: siteUrl,
    browserName: 'chromium',
    // A phone: the size of an iPhone 13, in Chromium (devices['iPhone 13'] would ask for WebKit).
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    launchOptions: { executablePath: chromium, args: ['--disable-background-networking', '--no-sandbox'] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node tests/e2e/support/serve.ts',
    url: `http://127.0.0.1:${previewPort}/vi/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
