// The phone's camera reading the QR code of a ticket: the booking page's address with the code in
// its fragment, or the bare 9-character code of older tickets (scannedCode reads both).
// It uses the browser's own BarcodeDetector (Chrome on Android has it) rather than a decoding
// library, which would weigh more than the rest of the console; where it is missing, the officer
// is told so and types the code. Loaded only when the officer presses "Scan".
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { scannedCode } from '../../../domain/ticket-link.ts';
import type { Translate } from '../../translator.ts';

// Not yet in TypeScript's DOM types: the part of the Barcode Detection API used here.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}
declare global {
  interface Window {
    /** Missing where the browser has no Barcode Detection API. */
    BarcodeDetector?: BarcodeDetectorClass;
  }
}

/** How often a frame is read: fast enough to feel instant, slow enough for a cheap phone. */
const scanEveryMs = 250;

type Status = 'starting' | 'scanning' | 'unsupported' | 'denied' | 'not-a-code';

interface Props {
  t: Translate;
  onCode: (code: string) => void;
  onClose: () => void;
}

export default function Scanner({ t, onCode, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<Status>('starting');
  // The camera starts once per opening: the code goes to the check-in form of the time.
  const scanned = useEffectEvent(onCode);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    void (async () => {
      const Detector = window.BarcodeDetector;
      if (!Detector || !navigator.mediaDevices?.getUserMedia || !(await Detector.getSupportedFormats()).includes('qr_code')) {
        setStatus('unsupported');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        if (!stopped) setStatus('denied');
        return;
      }
      if (stopped || !video.current) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setStatus('scanning');
      const detector = new Detector({ formats: ['qr_code'] });
      const read = async () => {
        if (stopped || !video.current) return;
        const found = await detector.detect(video.current).catch(() => []);
        for (const { rawValue } of found) {
          const code = scannedCode(rawValue);
          if (code) {
            stopped = true;
            scanned(code);
            return;
          }
          setStatus('not-a-code');
        }
        timer = setTimeout(() => void read(), scanEveryMs);
      };
      void read();
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const message =
    status === 'unsupported'
      ? t('staffDay:scan.unsupported')
      : status === 'denied'
        ? t('staffDay:scan.denied')
        : status === 'not-a-code'
          ? t('staffDay:scan.notACode')
          : status === 'starting'
            ? t('staffDay:scan.starting')
            : t('staffDay:scan.aim');
  const failed = status === 'unsupported' || status === 'denied';

  return (
    <div className="staff-day-scanner">
      <p className={failed ? 'notice notice-warning' : undefined} role={failed ? 'alert' : 'status'}>
        {message}
      </p>
      {!failed && <video ref={video} aria-label={t('staffDay:scan.video')} muted playsInline />}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('staffDay:scan.stop')}
      </button>
    </div>
  );
}
