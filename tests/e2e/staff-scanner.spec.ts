// The officer's camera reads a ticket's QR code. Chromium on Linux has no BarcodeDetector, as
// Safari on iPhones and Firefox have none: the scanner reads with the polyfill, whose WebAssembly
// must come from our own site. The camera is Chromium's fake one, showing a video file the test
// makes from the QR code of a real ticket, as the booking page draws it.
import { chromium, expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { chromiumPath } from '../../scripts/lib/chromium.ts';
import { manageLinkHash } from '../../src/domain/manage-link.ts';
import { formatCode } from '../../src/domain/booking-code.ts';
import { freshShift, sql } from './support/db.ts';
import { e2eApiUrl, siteUrl } from './support/ports.ts';
import { bookAPlace } from './support/public-rpc.ts';
import { signInAsCommuneOfficer } from './support/staff.ts';

const width = 640;
const height = 480;

/**
 * The ticket's QR code, as its holder's booking page draws it, filmed: one frame of a Y4M video
 * (what --use-file-for-fake-video-capture plays, looped), a white picture with the code in the
 * middle, in grey (luma only, chroma at its midpoint).
 */
async function ticketVideo(page: Page, booking: { code: string; token: string }, path: string): Promise<void> {
  await page.goto(`/vi/booking/${manageLinkHash(booking)}`);
  const qr = page.getByRole('img', { name: `Mã QR của mã đặt chỗ ${formatCode(booking.code)}` });
  await expect(qr.locator('svg')).toBeVisible();
  const svg = await qr.innerHTML();
  const luma = await page.evaluate(
    async ({ svg, width, height }) => {
      const image = new Image();
      image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      const side = height * 0.8;
      context.drawImage(image, (width - side) / 2, (height - side) / 2, side, side);
      const { data } = context.getImageData(0, 0, width, height);
      let bytes = '';
      for (let i = 0; i < data.length; i += 4) bytes += String.fromCharCode(Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!));
      return btoa(bytes);
    },
    { svg, width, height },
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  await writeFile(path, Buffer.concat([header, Buffer.from(luma, 'base64'), chroma]));
}

test('the camera reads a ticket’s QR code with the polyfill, its WebAssembly from our own site (again after it failed to load), and checks the person in', async ({ page }, testInfo) => {
  const { shiftId } = await freshShift('19786');
  const booking = await bookAPlace(shiftId);
  const video = testInfo.outputPath('ticket.y4m');
  await ticketVideo(page, booking, video);

  const camera = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await camera.newContext({
      baseURL: siteUrl,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      permissions: ['camera'],
    });
    const officer = await context.newPage();
    const fetched: string[] = [];
    officer.on('request', (request) => fetched.push(request.url()));
    await signInAsCommuneOfficer(officer);
    await officer.goto(`/vi/staff/day/?shift=${shiftId}`);
    await expect(officer.getByRole('heading', { level: 2, name: /^Danh sách ca/ })).toBeVisible();
    // The browser has no reader of its own: what reads the code below is the polyfill.
    expect(await officer.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    expect(fetched.filter((url) => url.endsWith('.wasm'))).toEqual([]);

    // The decoder does not come (a dropped connection): the officer is told to type the code, and
    // the next opening of the scanner tries again.
    await officer.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
    await officer.getByRole('button', { name: 'Quét mã QR' }).click();
    await expect(officer.getByRole('alert')).toHaveText(/^Chưa tải được bộ đọc mã QR/);
    await officer.getByRole('button', { name: 'Dừng quét' }).click();
    await officer.unrouteAll();

    await officer.getByRole('button', { name: 'Quét mã QR' }).click();
    await expect(officer.getByText(`Đã tiếp nhận số ${booking.queueNo}: ${booking.fullName}.`)).toBeVisible({ timeout: 20_000 });
    await expect(officer.getByLabel('Hình từ máy ảnh')).toHaveCount(0);

    const wasm = fetched.filter((url) => url.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((url) => url.startsWith(`${siteUrl}/`))).toBe(true);
    // Nothing from a CDN or anywhere else: the site and its API only.
    expect(fetched.filter((url) => !url.startsWith(`${siteUrl}/`) && !url.startsWith(`${e2eApiUrl}/`))).toEqual([]);
    await context.close();
  } finally {
    await camera.close();
  }
  expect(await sql('select status from public.bookings where code = $1', [booking.code])).toEqual([{ status: 'checked_in' }]);
});
