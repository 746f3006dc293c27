// Assisted booking (/{lang}/staff/book/?shift=ID): an officer books for a person who phones the
// commune or comes to the office. The officer picks one of the shifts of their area that can be
// booked; the booking form (AssistedForm) loads when they open it, so the page's first state stays
// within the JavaScript budget. The chosen shift is kept in the address, so a reload or a link
// (an alternative to a full shift) opens it again.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { bookableShifts, type ShiftChoice } from '../../../domain/assisted-booking.ts';
import type { ConsentVersions } from '../../../domain/consent.ts';
import { addDays, todayInVietnam } from '../../../domain/dates.ts';
import type { Locale } from '../../../i18n/config.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope, loadSessions } from '../scope.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { ShiftChooser } from './ShiftChooser.tsx';

const AssistedForm = lazy(() => import('./AssistedForm.tsx'));

interface Props {
  locale: Locale;
  messages: Messages;
  consent: ConsentVersions;
}

export default function StaffBookIsland({ locale, messages, consent }: Props) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <AssistedBooking locale={locale} t={t} staff={staff} consent={consent} />
        </>
      )}
    </StaffGate>
  );
}

/** The shifts of the officer's wards that can be booked, from today on. */
async function readShifts(staff: StaffMember): Promise<ShiftChoice[]> {
  const { wards } = await loadScope(staff.unit);
  // loadSessions reads from 30 days before the day it is given: here, from today.
  const sessions = await loadSessions(wards.map((ward) => ward.id), addDays(todayInVietnam(), 30));
  return bookableShifts(sessions, new Date());
}

function readShiftParam(): number | null {
  const value = new URLSearchParams(window.location.search).get('shift');
  return value && /^[1-9][0-9]{0,17}$/.test(value) ? Number(value) : null;
}

interface BookingProps {
  locale: Locale;
  t: Translate;
  staff: StaffMember;
  consent: ConsentVersions;
}

function AssistedBooking({ locale, t, staff, consent }: BookingProps) {
  const [shifts, setShifts] = useState<ShiftChoice[] | 'error'>();
  const [shiftId, setShiftId] = useState(readShiftParam);
  const [open, setOpen] = useState(false);
  // The shift stays as chosen while the answers are checked and once booked.
  const [choosing, setChoosing] = useState(true);
  // Each person's booking starts from an empty form, read afresh (the places left have changed).
  const [person, setPerson] = useState(0);

  useEffect(() => {
    let live = true;
    readShifts(staff).then(
      (read) => live && setShifts(read),
      () => live && setShifts('error'),
    );
    return () => {
      live = false;
    };
  }, [staff]);

  function choose(id: number | null) {
    setShiftId(id);
    const url = new URL(window.location.href);
    if (id === null) url.searchParams.delete('shift');
    else url.searchParams.set('shift', String(id));
    window.history.replaceState(null, '', url);
  }

  if (shifts === undefined) return <p role="status">{t('book:page.loading')}</p>;
  if (shifts === 'error') {
    return (
      <p className="notice notice-error" role="alert">
        {t('errors:network')}
      </p>
    );
  }
  // A shift named in the address that cannot be booked (a draft, full, over) is not offered.
  const chosen = shifts.some((shift) => shift.id === shiftId) ? shiftId : null;
  return (
    <div className="book">
      {choosing && <ShiftChooser locale={locale} t={t} shifts={shifts} value={chosen} onValue={choose} />}
      {chosen !== null &&
        (open ? (
          <Suspense fallback={<p role="status">{t('book:page.loading')}</p>}>
            <AssistedForm key={person} locale={locale} t={t} shiftId={chosen} consent={consent} onChoosing={setChoosing} onNext={() => setPerson((n) => n + 1)} />
          </Suspense>
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('staffBook:form.open')}
          </button>
        ))}
    </div>
  );
}
