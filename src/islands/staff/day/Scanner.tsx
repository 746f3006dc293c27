// The phone's camera reading the QR code of a ticket: the booking page's address with the code in
// its fragment, or the bare 9-character code of older tickets (scannedCode reads both), with the
// browser's own QR reader or, where it has none, a polyfill (qr-detector.ts). Loaded only when the
// officer presses "Scan".
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { scannedCode } from '../../../domain/ticket-link.ts';
import type { Translate } from '../../translator.ts';
import { qrDetector, type QrDetector } from './qr-detector.ts';

/** How often a frame is read: fast enough to feel instant, slow enough for a cheap phone. */
const scanEveryMs = 250;

type Status = 'starting' | 'scanning' | 'unsupported' | 'not-loaded' | 'denied' | 'not-a-code';

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
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus('unsupported');
        return;
      }
      let detector: QrDetector;
      try {
        detector = await qrDetector();
      } catch {
        if (!stopped) setStatus('not-loaded');
        return;
      }
      if (stopped) return;
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

  const messages: Record<Status, string> = {
    starting: t('staffDay:scan.starting'),
    scanning: t('staffDay:scan.aim'),
    // No camera API (an old browser, or a page not served over HTTPS).
    unsupported: t('staffDay:scan.unsupported'),
    // The QR reader could not be loaded: offline before it was ever fetched.
    'not-loaded': t('staffDay:scan.notLoaded'),
    denied: t('staffDay:scan.denied'),
    'not-a-code': t('staffDay:scan.notACode'),
  };
  const failed = status === 'unsupported' || status === 'not-loaded' || status === 'denied';

  return (
    <div className="staff-day-scanner">
      <p className={failed ? 'notice notice-warning' : undefined} role={failed ? 'alert' : 'status'}>
        {messages[status]}
      </p>
      {!failed && <video ref={video} aria-label={t('staffDay:scan.video')} muted playsInline />}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('staffDay:scan.stop')}
      </button>
    </div>
  );
}
