// A phone that really goes offline: Chromium with a persistent profile (closed and opened again as a
// phone's browser is) whose every request, the site's and the API's, the service worker's included,
// goes through a forward proxy of the test's own. Stopping the proxy takes the network away for real:
// context.setOffline does not reach a service worker's fetches (Playwright issue 2311).
import http from 'node:http';
import { chromium, test as base, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath } from '../../../scripts/lib/chromium.ts';
import { e2eStackBasePort, siteUrl } from './ports.ts';

// In the slot's block of ports, after the stack's four.
const proxyPort = e2eStackBasePort + 8;

/** A forward proxy for plain HTTP: the request line carries the whole address. */
async function startProxy(): Promise<{ stop: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const upstream = http.request(request.url!, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(proxyPort, '127.0.0.1', resolve);
  });
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    // Loopback too: Chromium sends it past a proxy unless told otherwise.
    args: ['--no-sandbox', '--disable-background-networking', `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>'],
    baseURL: siteUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
}

export interface OfflinePhone {
  /** The browser's tab. */
  page: Page;
  /** Closes the browser and opens it again on the same profile, with a tab. */
  reopen: () => Promise<Page>;
  /** Takes the network away: the site and the API can no longer be reached. */
  goOffline: () => Promise<void>;
}

/** `phone`: a new profile for each test, online until it goes offline. */
export const test = base.extend<{ phone: OfflinePhone }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  phone: async ({}, use, testInfo) => {
    const profile = testInfo.outputPath('profile');
    const proxy = await startProxy();
    let context: BrowserContext | undefined;
    try {
      context = await launch(profile);
      const phone: OfflinePhone = {
        page: context.pages()[0] ?? (await context.newPage()),
        reopen: async () => {
          await context?.close();
          context = await launch(profile);
          phone.page = context.pages()[0] ?? (await context.newPage());
          return phone.page;
        },
        goOffline: proxy.stop,
      };
      await use(phone);
    } finally {
      await context?.close();
      await proxy.stop();
    }
  },
});
