// The requests of schools, enterprises and agencies still waiting, each with a button to mark it handled.
import { todayInVietnam } from '../../../domain/dates.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDate } from '../../../lib/format.ts';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import { markRequestHandled, type OrganisationRequestRow } from './data.ts';

export function OrganisationRequests({ locale, t, requests, onChange }: { locale: Locale; t: Translate; requests: OrganisationRequestRow[]; onChange: () => void }) {
  const waiting = requests.filter((request) => request.status === 'new');
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('staffLinks:requests.heading')}</h2>
      {waiting.length === 0 ? (
        <p>{t('staffLinks:requests.empty')}</p>
      ) : (
        <ul className="staff-sessions">
          {waiting.map((request) => (
            <li key={request.id} className="staff-session">
              <h3 lang={vietnameseData(locale)}>{request.name}</h3>
              <p>
                {t(`staffLinks:kind.${request.kind}`)} · {t('staffLinks:requests.people', { count: request.expected_people })}
              </p>
              <p lang={vietnameseData(locale)}>{request.address}</p>
              <p>{t('staffLinks:requests.dates', { from: formatDate(locale, request.preferred_from), to: formatDate(locale, request.preferred_to) })}</p>
              <p>
                <Interpolated t={t} name="staffLinks:requests.contact" values={{ name: <span lang={vietnameseData(locale)}>{request.contact_name}</span>, phone: request.contact_phone ?? '' }} />
                {request.contact_email && (
                  <>
                    {' · '}
                    <a href={`mailto:${request.contact_email}`}>{request.contact_email}</a>
                  </>
                )}
              </p>
              {request.notes && (
                <p className="hint" lang={vietnameseData(locale)}>
                  {request.notes}
                </p>
              )}
              <p className="hint">{t('staffLinks:requests.received', { date: formatDate(locale, todayInVietnam(new Date(request.created_at))) })}</p>
              <button type="button" className="button button-secondary" onClick={() => void markRequestHandled(request.id).then(onChange)}>
                <Interpolated t={t} name="staffLinks:requests.markHandled" values={{ name: <span lang={vietnameseData(locale)}>{request.name}</span> }} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
