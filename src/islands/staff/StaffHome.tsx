// The console's home (/{lang}/staff/): sign in, then who is signed in and the console's tasks.
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import { StaffGate } from './StaffGate.tsx';
import { UnitName } from './UnitName.tsx';

export default function StaffHome({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <p className="staff-greeting">
            <Interpolated t={t} name="staff:dashboard.signedInAs" values={{ name: <span lang={vietnameseData(locale)}>{staff.displayName}</span> }} />
          </p>
          <dl className="summary-list">
            <div>
              <dt>{t('staff:dashboard.role')}</dt>
              <dd>{locale === 'vi' ? staff.role.name_vi : staff.role.name_en}</dd>
            </div>
            <div>
              <dt>{t('staff:dashboard.unit')}</dt>
              <dd>
                <UnitName locale={locale} unit={staff.unit} />
              </dd>
            </div>
            <div>
              <dt>{t('staff:dashboard.email')}</dt>
              <dd>{staff.user.email}</dd>
            </div>
          </dl>
          <h2>{t('staff:dashboard.tasks')}</h2>
          <ul className="staff-tasks">
            <li>
              <a href={localizedPath(locale, 'staff/sessions')}>{t('staff:dashboard.sessions')}</a>
              <p className="hint">{t('staff:dashboard.sessionsHint')}</p>
            </li>
            <li>
              <a href={localizedPath(locale, 'staff/day')}>{t('staff:dashboard.day')}</a>
              <p className="hint">{t('staff:dashboard.dayHint')}</p>
            </li>
            <li>
              <a href={localizedPath(locale, 'staff/book')}>{t('staffBook:link.label')}</a>
              <p className="hint">{t('staffBook:link.hint')}</p>
            </li>
            <li>
              <a href={localizedPath(locale, 'staff/notice')}>{t('staffNotice:link.label')}</a>
              <p className="hint">{t('staffNotice:link.hint')}</p>
            </li>
            <li>
              <a href={localizedPath(locale, 'staff/links')}>{t('staffLinks:link.label')}</a>
              <p className="hint">{t('staffLinks:link.hint')}</p>
            </li>
            <li>
              <a href={localizedPath(locale, 'staff/home-visits')}>{t('staffHomeVisits:link.label')}</a>
              <p className="hint">{t('staffHomeVisits:link.hint')}</p>
            </li>
          </ul>
          <button type="button" className="button button-secondary" onClick={signOut}>
            {t('staff:signOut')}
          </button>
        </>
      )}
    </StaffGate>
  );
}
