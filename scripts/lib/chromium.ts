// Playwright cannot download its own browser here: the e2e tests, the page benchmark and the
// preview images use the system's Chromium.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
