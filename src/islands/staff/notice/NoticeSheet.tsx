// The printable A4 sheet of one ward: its sessions in the date range by day, the rule, what to
// bring, and a QR code to the same list on the schedules page. A demonstration campaign's sheet says
// it is not real, so no one posts it as a real notice.
import type { Locale } from '../../../i18n/config.ts';
import { formatDate, formatDayLong, formatTime } from '../../../lib/format.ts';
import { DemonstrationNote } from '../../shared/DemonstrationNote.tsx';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import { Qr } from '../../shared/Qr.tsx';
import type { Translate } from '../../translator.ts';
import type { NoticeData, NoticeWard } from './data.ts';

interface Props {
  locale: Locale;
  t: Translate;
  ward: NoticeWard;
  notice: NoticeData;
  range: { from: string; to: string };
  today: string;
  /** The ward's list on the schedules page, which the QR code opens. */
  url: string;
}

export function NoticeSheet({ locale, t, ward, notice, range, today, url }: Props) {
  const campaignNames = notice.campaigns.map((campaign) => (locale === 'vi' ? campaign.name_vi : campaign.name_en));
  const demonstration = ward.demonstration || notice.campaigns.some((campaign) => campaign.demonstration);
  return (
    <article className="notice-sheet" aria-labelledby="notice-title">
      <header className="notice-head">
        <h2 id="notice-title">
          <Interpolated t={t} name="staffNotice:sheet.title" values={{ ward: <span lang={vietnameseData(locale)}>{ward.name}</span> }} />
        </h2>
        <p className="notice-area" lang={vietnameseData(locale)}>{ward.district ? t('staffNotice:sheet.area', { district: ward.district, province: ward.province }) : ward.province}</p>
        {campaignNames.length > 0 && (
          <p>{t('staffNotice:sheet.campaign', { names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(campaignNames) })}</p>
        )}
        {demonstration && <DemonstrationNote t={t} />}
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
                  <p className="notice-site" lang={vietnameseData(locale)}>{session.site_name}</p>
                  <dl>
                    <div>
                      <dt>{t('staffNotice:sheet.address')}</dt>
                      <dd lang={vietnameseData(locale)}>{session.address}</dd>
                    </div>
                    {session.access_notes && (
                      <div>
                        <dt>{t('staffNotice:sheet.access')}</dt>
                        <dd lang={vietnameseData(locale)}>{session.access_notes}</dd>
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
  );
}
