// What the officer knows of one home-visit request: the visit if set, the outcome, the reason,
// where, needs, what suits the family, who asked (with a call link), the old ID, the location.
import { formatPhone } from '../../../domain/phone.ts';
import type { Locale } from '../../../i18n/config.ts';
import { preferredTimes, visitWindow } from '../../home-visit/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import type { StaffHomeVisit } from './data.ts';

export function VisitDetails({ locale, t, visit }: { locale: Locale; t: Translate; visit: StaffHomeVisit }) {
  const needs = visit.needs.map((need) => (need === 'ethnic_language' && visit.ethnic_language ? `${t(`homeVisit:needs.${need}`)} (${visit.ethnic_language})` : t(`homeVisit:needs.${need}`)));
  return (
    <dl className="summary-list">
      {visit.scheduled_on && (
        <div>
          <dt>{t('staffHomeVisits:card.visit')}</dt>
          <dd>
            {visitWindow(t, locale, visit)}
            <br />
            <span lang={vietnameseData(locale)}>{visit.team_contact}</span>
          </dd>
        </div>
      )}
      {visit.outcome_note && (
        <div>
          <dt>{t('staffHomeVisits:card.outcome')}</dt>
          <dd lang={vietnameseData(locale)}>{visit.outcome_note}</dd>
        </div>
      )}
      <div>
        <dt>{t('staffHomeVisits:card.reason')}</dt>
        {visit.reason === 'other' ? <dd lang={vietnameseData(locale)}>{visit.reason_other}</dd> : <dd>{t(`homeVisit:reason.${visit.reason}`)}</dd>}
      </div>
      <div>
        <dt>{t('staffHomeVisits:card.address')}</dt>
        <dd lang={vietnameseData(locale)}>
          {visit.street_address}, {visit.ward?.name}, {visit.ward?.district?.name}
        </dd>
      </div>
      {visit.landmark && (
        <div>
          <dt>{t('staffHomeVisits:card.landmark')}</dt>
          <dd lang={vietnameseData(locale)}>{visit.landmark}</dd>
        </div>
      )}
      {needs.length > 0 && (
        <div>
          <dt>{t('staffHomeVisits:card.needs')}</dt>
          <dd>{needs.join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>{t('staffHomeVisits:card.preferred')}</dt>
        <dd>{preferredTimes(t, visit.preferred_days, visit.preferred_periods)}</dd>
      </div>
      <div>
        <dt>{t('staffHomeVisits:card.requester')}</dt>
        <dd>
          <span lang={vietnameseData(locale)}>{visit.requester_name}</span> ({t(`homeVisit:relationship.${visit.relationship}`)}) ·{' '}
          <a href={`tel:${visit.requester_phone}`}>{t('staffHomeVisits:card.call', { phone: formatPhone(visit.requester_phone) })}</a>
        </dd>
      </div>
      {visit.old_id_number && (
        <div>
          <dt>{t('staffHomeVisits:card.oldId')}</dt>
          <dd>{visit.old_id_number}</dd>
        </div>
      )}
      <div>
        <dt>{t('staffHomeVisits:card.location')}</dt>
        <dd>{visit.lat !== null ? t('staffHomeVisits:card.locationExact') : t('staffHomeVisits:card.locationApprox')}</dd>
      </div>
    </dl>
  );
}
