// The printable commune notice (/{lang}/staff/notice/?ward=CODE): an officer picks a ward of their
// area (or follows a link that names one) and prints an A4 page of the ward's sessions for the coming
// three weeks, with a QR code to the same list on the schedules page. The page's print styles hide
// everything marked data-print-hide.
import { useEffect, useMemo, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { readWardCode, wardSchedulesUrl } from '../../../domain/notice.ts';
import { defaultDateRange } from '../../../domain/schedules.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate, formatDayLong, formatTime } from '../../../lib/format.ts';
import { Field } from '../../shared/Field.tsx';
import { Qr } from '../../shared/Qr.tsx';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { loadScope } from '../scope.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import type { StaffMember } from '../use-staff.ts';
import { loadNotice, loadWard, loadWardChoices, type NoticeData, type NoticeWard, type WardChoice } from './data.ts';

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
  if (wardCode) return <WardNotice locale={locale} t={t} code={wardCode} />;
  if (!choices) return <p role="status">{t('staff:loading')}</p>;
  if (choices.length === 0) return <p>{t('staffNotice:pick.none')}</p>;
  return (
    // A plain GET form: the chosen ward lands in the address (`?ward=`) like a shared link.
    <form method="get" className="notice-pick" data-print-hide>
      <Field id="notice-ward" label={t('staffNotice:pick.label')}>
        {(control) => (
          <select {...control} name="ward" defaultValue={choices[0]!.code}>
            {choices.map((ward) => (
              <option key={ward.code} value={ward.code}>
                {ward.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button">
        {t('staffNotice:pick.submit')}
      </button>
    </form>
  );
}

function WardNotice({ locale, t, code }: { locale: Locale; t: Translate; code: string }) {
  const [today] = useState(todayInVietnam);
  const [ward, setWard] = useState<NoticeWard | null>();
  const [notice, setNotice] = useState<NoticeData>();
  const [failed, setFailed] = useState(false);
  const range = useMemo(() => defaultDateRange(today), [today]);

  useEffect(() => {
    let live = true;
    Promise.all([loadWard(code), loadNotice(code, range)]).then(
      ([foundWard, found]) => {
        if (!live) return;
        setWard(foundWard);
        setNotice(found);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [code, range]);

  const otherWard = (
    <a href={localizedPath(locale, 'staff/notice')} data-print-hide>
      {t('staffNotice:actions.otherWard')}
    </a>
  );
  if (failed) return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (ward === undefined || !notice) return <p role="status">{t('staff:loading')}</p>;
  if (ward === null) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('staffNotice:ward.notFound', { code })}</p>
        <p>{otherWard}</p>
      </div>
    );
  }

  const url = wardSchedulesUrl(window.location.origin, locale, code);
  const campaignNames = notice.campaigns.map((campaign) => (locale === 'vi' ? campaign.name_vi : campaign.name_en));
  return (
    <>
      <div className="notice-controls" role="group" aria-label={t('staffNotice:actions.label')} data-print-hide>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('staffNotice:actions.print')}
        </button>
        <p className="hint">{t('staffNotice:actions.printHint')}</p>
        <p>{otherWard}</p>
      </div>
      <article className="notice-sheet" aria-labelledby="notice-title">
        <header className="notice-head">
          <h2 id="notice-title">{t('staffNotice:sheet.title', { ward: ward.name })}</h2>
          <p className="notice-area">{ward.district ? t('staffNotice:sheet.area', { district: ward.district, province: ward.province }) : ward.province}</p>
          {campaignNames.length > 0 && (
            <p>{t('staffNotice:sheet.campaign', { names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(campaignNames) })}</p>
          )}
        </header>
        <p className="notice-lead">{t('staffNotice:sheet.lead')}</p>

        <h3>{t('staffNotice:sheet.range', { from: formatDate(locale, range.from), to: formatDate(locale, range.to) })}</h3>
        {notice.days.length === 0 ? (
          <p>{t('staffNotice:sheet.empty')}</p>
        ) : (
          <div className="notice-days">
            {notice.days.map((day) => (
              <section key={day.date} className="notice-day" aria-labelledby={`notice-day-${day.date}`}>
                <h4 id={`notice-day-${day.date}`}>
                  <time dateTime={day.date}>{formatDayLong(locale, day.date)}</time>
                </h4>
                {day.sessions.map((session) => (
                  <div key={session.session_id} className="notice-session">
                    <p className="notice-site">{session.site_name}</p>
                    <dl>
                      <div>
                        <dt>{t('staffNotice:sheet.address')}</dt>
                        <dd>{session.address}</dd>
                      </div>
                      {session.access_notes && (
                        <div>
                          <dt>{t('staffNotice:sheet.access')}</dt>
                          <dd>{session.access_notes}</dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('staffNotice:sheet.shifts')}</dt>
                        <dd>
                          <ul className="notice-shifts">
                            {session.shifts.map((shift) => (
                              <li key={shift.id}>
                                {t('staffNotice:sheet.shiftTime', { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) })}
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    </dl>
                  </div>
                ))}
              </section>
            ))}
          </div>
        )}

        <section className="notice-rule" aria-labelledby="notice-rule">
          <h3 id="notice-rule">{t('staffNotice:sheet.rule.heading')}</h3>
          <p>{t('staffNotice:sheet.rule.body')}</p>
        </section>

        <div className="notice-columns">
          <section aria-labelledby="notice-bring">
            <h3 id="notice-bring">{t('book:bring.heading')}</h3>
            <ul>
              <li>{t('book:bring.oldCard')}</li>
              <li>{t('book:bring.noCard')}</li>
              <li>{t('staffNotice:sheet.bring.booking')}</li>
              <li>{t('book:bring.ready')}</li>
            </ul>
          </section>
          <section className="notice-book" aria-labelledby="notice-book">
            <h3 id="notice-book">{t('staffNotice:sheet.book.heading')}</h3>
            <p>{t('staffNotice:sheet.book.body')}</p>
            <Qr value={url} label={t('staffNotice:sheet.qr', { ward: ward.name })} />
            <p className="notice-url">{url}</p>
          </section>
        </div>

        <p className="notice-printed">{t('staffNotice:sheet.printed', { date: formatDate(locale, today) })}</p>
      </article>
    </>
  );
}
