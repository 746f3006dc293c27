// What the scanner reads tickets' QR codes with: the browser's own Barcode Detection API where it
// reads QR codes (Chrome on Android), else the `barcode-detector` polyfill on zxing-wasm (Safari on
// iPhones, Firefox, Chromium on a computer), loaded only then. The polyfill fetches its WebAssembly
// from a CDN by default, which fails offline and under a strict CSP: the build copies it into our
// own site (Vite's `?url`) and the polyfill is pointed there.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

// Not yet in TypeScript's DOM types: the part of the Barcode Detection API used here.
export interface DetectedBarcode {
  rawValue: string;
}
export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: ['qr_code'] }): QrDetector;
  getSupportedFormats(): Promise<readonly string[]>;
}
declare global {
  interface Window {
    /** Missing where the browser has no Barcode Detection API. */
    BarcodeDetector?: BarcodeDetectorClass;
  }
}

/** A QR code reader; rejects when the polyfill or its WebAssembly cannot be loaded (offline). */
export async function qrDetector(): Promise<QrDetector> {
  const Native = window.BarcodeDetector;
  if (Native && (await Native.getSupportedFormats().catch((): readonly string[] => [])).includes('qr_code')) return new Native({ formats: ['qr_code'] });
  const { BarcodeDetector, prepareZXingModule, purgeZXingModule } = await import('barcode-detector/ponyfill');
  // Loaded now rather than at the first frame, so a failure says so instead of reading nothing; a
  // failed load is not kept, so the next opening of the scanner tries again.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  }).catch((error: unknown) => {
    purgeZXingModule();
    throw error;
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}
