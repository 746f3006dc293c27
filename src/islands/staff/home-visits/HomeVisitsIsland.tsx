// Home visits of the officer's scope (/{lang}/staff/home-visits/): the requests by status, oldest
// first after the overdue visits, to schedule and close; and a day's visits by ward and on a map,
// to plan the route.
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { createTranslator, type Messages } from '../../translator.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import { RequestsView } from './RequestsView.tsx';

// The day's list and map load when an officer turns to them.
const DayView = lazy(() => import('./DayView.tsx').then(({ DayView }) => ({ default: DayView })));

type View = 'requests' | 'day';

export default function HomeVisitsIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const [view, setView] = useState<View>(() => (new URLSearchParams(location.search).get('view') === 'day' ? 'day' : 'requests'));
  function choose(next: View) {
    setView(next);
    const url = new URL(location.href);
    url.searchParams.set('view', next);
    history.replaceState(null, '', url);
  }
  return (
    <StaffGate t={t}>
      {(_staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          <div className="button-row" role="group" aria-label={t('staffHomeVisits:view.label')}>
            {(['requests', 'day'] as const).map((option) => (
              <button key={option} type="button" className={option === view ? 'button' : 'button button-secondary'} aria-pressed={option === view} onClick={() => choose(option)}>
                {t(`staffHomeVisits:view.${option}`)}
              </button>
            ))}
          </div>
          {view === 'requests' ? (
            <RequestsView locale={locale} t={t} />
          ) : (
            <Suspense fallback={<p role="status">{t('staff:loading')}</p>}>
              <DayView locale={locale} t={t} />
            </Suspense>
          )}
        </>
      )}
    </StaffGate>
  );
}
