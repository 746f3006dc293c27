// Check-in by booking code, typed or read from the ticket's QR code with the phone's camera. The
// camera code is loaded only when the officer presses "Scan" (offline, the press says so, as a
// check-in does): most check-ins are typed, or typed by a handheld scanner, which types the QR
// code's whole address: the field reads it as the camera does.
// After a check-in the focus goes back to the field, ready for the next person in the queue.
import { useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import type { Translate } from '../../translator.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useForm } from '../../shared/use-form.ts';
import { staffCall, type QueueEntry } from './data.ts';
import { noAnswer } from '../calls.ts';
import { refusalText } from './refusal.ts';
import type { Turn } from './turn.ts';

type ScannerComponent = typeof import('./Scanner.tsx').default;

interface Props {
  t: Translate;
  locale: Locale;
  shiftId: number;
  turn: Turn;
  onChange: () => void;
}

const codeFieldId = 'day-code';

// The code field of the citizens' look-up form (the same normalising, the same messages), and the
// reading of a ticket's QR address that a handheld scanner types. Loaded with the first check-in,
// so the console opens without the booking form's schemas.
const loadCodeReading = () =>
  Promise.all([import('../../../domain/booking-code-field.ts'), import('../../../domain/ticket-link.ts')]).then(([{ codeField }, { scannedCode }]) => ({ codeSchema: codeField, scannedCode }));

export function CheckIn({ t, locale, shiftId, turn, onChange }: Props) {
  const [code, setCode] = useState('');
  const form = useForm(t);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<QueueEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [Scanner, setScanner] = useState<ScannerComponent>();

  async function checkIn(typed: string) {
    turn.start();
    setRefusal(null);
    setDone(null);
    const reading = await loadCodeReading().catch(() => null);
    if (!reading) return setRefusal(refusalText(t, noAnswer()));
    // A ticket's address gives its code; anything else (a private link included) is checked as typed, and refused.
    const checked = form.check(reading.codeSchema, reading.scannedCode(typed) ?? typed, () => codeFieldId);
    if (checked === undefined) return;
    setBusy(true);
    const result = await staffCall({ name: 'staff_check_in', args: { p_code: checked } });
    setBusy(false);
    if (!result.ok) {
      setRefusal(refusalText(t, result));
      return;
    }
    setDone(result.data);
    setCode('');
    document.getElementById(codeFieldId)?.focus();
    onChange();
  }

  function openScanner() {
    setScanning(true);
    import('./Scanner.tsx').then(
      ({ default: loaded }) => setScanner(() => loaded),
      () => {
        setScanning(false);
        turn.start();
        setDone(null);
        setRefusal(refusalText(t, noAnswer()));
      },
    );
  }

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    void checkIn(code);
  }

  return (
    <section aria-labelledby="day-check-in">
      <h2 id="day-check-in">{t('staffDay:checkIn.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('staffDay:form.errorTitle')} errors={form.errors} />
        <TextField
          {...form.field(codeFieldId)}
          label={t('staffDay:checkIn.code')}
          hint={t('staffDay:checkIn.codeHint')}
          value={code}
          onValue={setCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="staff-day-code"
        />
        <div className="staff-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('staffDay:checkIn.submit')}
          </button>
          {!scanning && (
            <button type="button" className="button button-secondary" onClick={openScanner}>
              {t('staffDay:scan.open')}
            </button>
          )}
        </div>
      </form>
      {scanning &&
        (Scanner ? (
          <Scanner
            t={t}
            onCode={(scanned) => {
              setScanning(false);
              setCode(scanned);
              void checkIn(scanned);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <p role="status">{t('staffDay:scan.starting')}</p>
        ))}
      <div aria-live="polite">
        {turn.last && refusal && <p className="notice notice-error">{refusal}</p>}
        {turn.last && done && (
          <div className="notice staff-day-done">
            <p>
              <Interpolated t={t} name="staffDay:checkIn.done" values={{ number: done.queue_no, name: <span lang={vietnameseData(locale)}>{done.full_name}</span> }} />
            </p>
            {done.shift_id !== shiftId && <p>{t('staffDay:checkIn.otherShift')}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
