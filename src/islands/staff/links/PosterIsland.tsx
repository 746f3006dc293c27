// The printable poster of a sign-up link: the organisation, the session's date and place, the
// closing day and a big QR code to the join page, in the page's language.
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { joinUrl } from '../../../domain/signup-link-basics.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import { formatDate, formatDayLong } from '../../../lib/format.ts';
import { Qr } from '../../shared/Qr.tsx';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { StaffGate } from '../StaffGate.tsx';
import { loadLink, loadSessionPlace, type SessionPlace, type SignupLinkRow } from './data.ts';

export default function PosterIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return <StaffGate t={t}>{() => <Poster locale={locale} t={t} />}</StaffGate>;
}

function Poster({ locale, t }: { locale: Locale; t: Translate }) {
  const [id] = useState(() => Number(new URLSearchParams(location.search).get('link')) || 0);
  const [data, setData] = useState<{ link: SignupLinkRow; place: SessionPlace } | null | 'error'>();

  useEffect(() => {
    void (async () => {
      try {
        const link = id ? await loadLink(id) : null;
        setData(link && link.status !== 'revoked' ? { link, place: await loadSessionPlace(link.session_id) } : null);
      } catch {
        setData('error');
      }
    })();
  }, [id]);

  const back = (
    <a href={localizedPath(locale, 'staff/links')} data-print-hide>
      {t('staffLinks:poster.back')}
    </a>
  );
  if (data === 'error') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  if (data === undefined) return <p role="status">{t('staff:loading')}</p>;
  if (data === null) return <div className="notice notice-error">{t('staffLinks:poster.notFound')} {back}</div>;
  const { link, place } = data;
  const url = joinUrl(location.origin, locale, link.share_token);
  return (
    <>
      <div className="staff-actions" data-print-hide>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('staffLinks:poster.print')}
        </button>
        {back}
      </div>
      <p className="hint" data-print-hide>
        {t('staffLinks:poster.printHint')}
      </p>
      <article className="poster-sheet" aria-labelledby="poster-heading">
        <h2 id="poster-heading">{t('staffLinks:poster.heading')}</h2>
        <p className="poster-org">{t('staffLinks:poster.org', { org: link.org_name })}</p>
        <p>{t('staffLinks:poster.lead')}</p>
        <dl className="poster-facts">
          <dt>{t('staffLinks:poster.when')}</dt>
          <dd>{formatDayLong(locale, place.session_date)}</dd>
          <dt>{t('staffLinks:poster.where')}</dt>
          <dd>
            {place.site_name}, {place.address}
          </dd>
        </dl>
        <p>
          <strong>{t('staffLinks:poster.closes', { date: formatDate(locale, todayInVietnam(new Date(link.closes_at))) })}</strong>
        </p>
        <Qr value={url} label={t('staffLinks:poster.qr', { org: link.org_name })} />
        <p>{t('staffLinks:poster.scan')}</p>
        <p className="poster-url">{url}</p>
        <p className="hint">{t('staffLinks:poster.bring')}</p>
      </article>
    </>
  );
}
