// The printable A4 sheet of one ward: where its sites are (each once), its sessions in the date
// range as a table of days and shifts, the rule, what to bring, and a QR code to the same list on
// the schedules page. A demonstration campaign's sheet says it is not real, so no one posts it as a
// real notice.
import { noticeSites } from '../../../domain/notice.ts';
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
  const sites = noticeSites(notice.days);
  // With one site, naming it on every row says nothing the list of sites above has not.
  const manySites = sites.length > 1;
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

      {notice.days.length === 0 ? (
        <>
          <h3>{t('staffNotice:sheet.range', { from: formatDate(locale, range.from), to: formatDate(locale, range.to) })}</h3>
          <p>{t('staffNotice:sheet.empty')}</p>
        </>
      ) : (
        <>
          <section className="notice-sites" aria-labelledby="notice-where">
            <h3 id="notice-where">{t('staffNotice:sheet.where')}</h3>
            {sites.map((site) => (
              <div key={site.site_id} className="notice-site-block">
                <p className="notice-site" lang={vietnameseData(locale)}>{site.site_name}</p>
                <dl>
                  <div>
                    <dt>{t('staffNotice:sheet.address')}</dt>
                    <dd lang={vietnameseData(locale)}>{site.address}</dd>
                  </div>
                  {site.access_notes && (
                    <div>
                      <dt>{t('staffNotice:sheet.access')}</dt>
                      <dd lang={vietnameseData(locale)}>{site.access_notes}</dd>
                    </div>
                  )}
                </dl>
              </div>
            ))}
          </section>
          <table className="notice-table">
            <caption>{t('staffNotice:sheet.range', { from: formatDate(locale, range.from), to: formatDate(locale, range.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffNotice:sheet.day')}</th>
                {manySites && <th scope="col">{t('staffNotice:sheet.site')}</th>}
                <th scope="col">{t('staffNotice:sheet.shifts')}</th>
              </tr>
            </thead>
            {notice.days.map((day) => (
              <tbody key={day.date}>
                {day.sessions.map((session, index) => (
                  <tr key={session.session_id}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={day.sessions.length}>
                        <time dateTime={day.date}>{formatDayLong(locale, day.date)}</time>
                      </th>
                    )}
                    {manySites && <td lang={vietnameseData(locale)}>{session.site_name}</td>}
                    <td>
                      <ul className="notice-shifts">
                        {session.shifts.map((shift) => (
                          <li key={shift.id}>
                            {t('staffNotice:sheet.shiftTime', { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}

      {/* The rule and what to bring share a column beside the QR code: the sheet stays one page. */}
      <div className="notice-columns">
        <div>
          <section className="notice-rule" aria-labelledby="notice-rule">
            <h3 id="notice-rule">{t('staffNotice:sheet.rule.heading')}</h3>
            <p>{t('staffNotice:sheet.rule.body')}</p>
          </section>
          <section aria-labelledby="notice-bring">
            <h3 id="notice-bring">{t('book:bring.heading')}</h3>
            <ul>
              <li>{t('book:bring.oldCard')}</li>
              <li>{t('book:bring.noCard')}</li>
              <li>{t('staffNotice:sheet.bring.booking')}</li>
              <li>{t('book:bring.ready')}</li>
            </ul>
          </section>
        </div>
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
