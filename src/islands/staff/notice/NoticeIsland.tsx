// The printable commune notice (/{lang}/staff/notice/?ward=CODE): an officer picks a ward of their
// area (or follows a link that names one) and prints an A4 page of the ward's sessions for the coming
// three weeks, with a QR code to the same list on the schedules page. The page's print styles hide
// everything marked data-print-hide.
import { useEffect, useState } from 'react';
import { readWardCode } from '../../../domain/notice.ts';
import type { Locale } from '../../../i18n/config.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope } from '../scope.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { loadWardChoices, type WardChoice } from './data.ts';
import { WardChooser } from './WardChooser.tsx';
import { WardNotice } from './WardNotice.tsx';

interface Props {
  locale: Locale;
  messages: Messages;
}

export default function NoticeIsland({ locale, messages }: Props) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <NoticeConsole locale={locale} t={t} staff={staff} />
        </>
      )}
    </StaffGate>
  );
}

/** Keeps the ward in the address, so a reload or a shared link opens the same notice. */
function writeWardParam(code: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('ward', code);
  window.history.replaceState(null, '', url);
}

function NoticeConsole({ locale, t, staff }: { locale: Locale; t: Translate; staff: StaffMember }) {
  const [wardCode, setWardCode] = useState(() => readWardCode(new URLSearchParams(window.location.search).get('ward')));
  const [choices, setChoices] = useState<WardChoice[]>();
  const [failed, setFailed] = useState(false);

  // Without a ward in the address: the wards of the officer's area; a commune officer's only ward
  // opens at once.
  useEffect(() => {
    if (wardCode) return;
    let live = true;
    loadScope(staff.unit)
      .then(({ wards }) => loadWardChoices(wards.map((ward) => ward.id)))
      .then((wards) => {
        if (!live) return;
        if (wards.length === 1) {
          writeWardParam(wards[0]!.code);
          setWardCode(wards[0]!.code);
        } else setChoices(wards);
      }, () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [wardCode, staff.unit]);

  if (failed) return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (wardCode) return <WardNotice locale={locale} t={t} code={wardCode} unitSet={staff.unit.unit_set} />;
  if (!choices) return <p role="status">{t('staff:loading')}</p>;
  if (choices.length === 0) return <p>{t('staffNotice:pick.none')}</p>;
  return <WardChooser locale={locale} t={t} choices={choices} unitSet={staff.unit.unit_set} />;
}
