// The console's home (/{lang}/staff/): sign in, then who is signed in and the console's tasks (a
// volunteer's: the day of intake where they work, and nothing else).
import { useCallback, useState } from 'react';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { formatDate } from '../../lib/format.ts';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import { useRead } from '../shared/use-read.ts';
import { StaffGate } from './StaffGate.tsx';
import { loadPostPlace, type PostPlace } from './post.ts';
import type { StaffMember } from './use-staff.ts';
import { UnitName } from './UnitName.tsx';

export default function StaffHome({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t} volunteers>
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
            {staff.post && (
              <div>
                <dt>{t('staff:dashboard.post')}</dt>
                <dd>
                  <Post t={t} locale={locale} post={staff.post} />
                </dd>
              </div>
            )}
            <div>
              <dt>{t('staff:dashboard.email')}</dt>
              <dd>{staff.user.email}</dd>
            </div>
          </dl>
          <h2>{t('staff:dashboard.tasks')}</h2>
          {staff.post ? (
            <ul className="staff-tasks">
              <li>
                <a href={localizedPath(locale, 'staff/day')}>{t('staff:dashboard.day')}</a>
                <p className="hint">{t('staff:dashboard.volunteerDayHint')}</p>
              </li>
            </ul>
          ) : (
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
              {staff.role.role === 'province_admin' && (
                <li>
                  <a href={localizedPath(locale, 'staff/campaigns')}>{t('staffCampaigns:link.label')}</a>
                  <p className="hint">{t('staffCampaigns:link.hint')}</p>
                </li>
              )}
              {staff.role.role === 'province_admin' && (
                <li>
                  <a href={localizedPath(locale, 'staff/planner')}>{t('planner:link.label')}</a>
                  <p className="hint">{t('planner:link.hint')}</p>
                </li>
              )}
              {/* Administrators (province, district) manage the accounts below them and read their area's log. */}
              {staff.role.level < 3 && (
                <>
                  <li>
                    <a href={localizedPath(locale, 'staff/accounts')}>{t('staffAccounts:link.label')}</a>
                    <p className="hint">{t('staffAccounts:link.hint')}</p>
                  </li>
                  <li>
                    <a href={localizedPath(locale, 'staff/audit')}>{t('staffAudit:link.label')}</a>
                    <p className="hint">{t('staffAudit:link.hint')}</p>
                  </li>
                </>
              )}
            </ul>
          )}
          <p>
            <a href={localizedPath(locale, 'staff/password')}>{t('staffPassword:link')}</a>
          </p>
          <button type="button" className="button button-secondary" onClick={signOut}>
            {t('staff:signOut')}
          </button>
        </>
      )}
    </StaffGate>
  );
}

/** Where a volunteer works, in words: the site, or the site and date of the session. */
function Post({ t, locale, post }: { t: Translate; locale: Locale; post: NonNullable<StaffMember['post']> }) {
  const [place, setPlace] = useState<PostPlace | null | undefined | 'loading'>('loading');
  useRead(useCallback(() => loadPostPlace(post), [post]), setPlace);
  if (place === 'loading') return t('staff:loading');
  if (place === undefined) return t('staff:loadError');
  if (place === null) return t('staff:dashboard.postHidden');
  const site = <span lang={vietnameseData(locale)}>{place.siteName}</span>;
  return place.date === null ? (
    <Interpolated t={t} name="staff:dashboard.postSite" values={{ site }} />
  ) : (
    <Interpolated t={t} name="staff:dashboard.postSession" values={{ site, date: formatDate(locale, place.date) }} />
  );
}
