// What the family asked for, as the status page lists it; after the purge only the code is left.
import { formatCode } from '../../domain/booking-code.ts';
import type { HomeVisitView } from '../../domain/home-visit.ts';
import { SummaryList } from '../shared/SummaryList.tsx';
import type { Translate } from '../translator.ts';
import { preferredTimes } from './format.ts';

// What the family wrote and the units' names are Vietnamese on either page (marked so for /en;
// redundant, and harmless, on /vi).
const vi = (text: string | null) => <span lang="vi">{text}</span>;

export function RequestDetails({ t, view }: { t: Translate; view: HomeVisitView }) {
  const address = [view.street_address, view.ward, view.district, view.province].filter(Boolean).join(', ');
  const needs = view.needs.map((need) => (need === 'ethnic_language' && view.ethnic_language ? `${t(`homeVisit:needs.${need}`)} (${view.ethnic_language})` : t(`homeVisit:needs.${need}`)));
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('homeVisit:details.heading')}</h2>
      {view.purged ? (
        <p>
          {t('homeVisit:details.code')}: <span className="ticket-code">{formatCode(view.code)}</span>. {t('homeVisit:details.purged')}
        </p>
      ) : (
        <SummaryList
          rows={[
            { key: t('homeVisit:details.code'), value: formatCode(view.code), valueClass: 'ticket-code' },
            { key: t('homeVisit:details.person'), value: vi(view.full_name) },
            { key: t('homeVisit:details.reason'), value: view.reason === 'other' ? vi(view.reason_other) : t(`homeVisit:reason.${view.reason}`) },
            {
              key: t('homeVisit:details.address'),
              value: (
                <>
                  {vi(address)}
                  {view.landmark && <br />}
                  {view.landmark && vi(view.landmark)}
                </>
              ),
            },
            { key: t('homeVisit:details.needs'), value: needs.length ? needs.join(', ') : t('homeVisit:details.needsNone') },
            { key: t('homeVisit:details.preferred'), value: preferredTimes(t, view.preferred_days, view.preferred_periods) },
            { key: t('homeVisit:details.requester'), value: <>{vi(view.requester_name)} · {view.phone_masked}</> },
          ]}
        />
      )}
    </section>
  );
}
