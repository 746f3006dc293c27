// One ward's notice: its sessions read for the coming weeks, the print button, and the sheet.
import { useEffect, useMemo, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates.ts';
import { wardSchedulesUrl } from '../../../domain/notice.ts';
import { defaultDateRange } from '../../../domain/schedules.ts';
import type { Locale } from '../../../i18n/config.ts';
import { localizedPath } from '../../../i18n/paths.ts';
import type { Translate } from '../../translator.ts';
import { loadNotice, loadWard, type NoticeData, type NoticeWard } from './data.ts';
import { NoticeSheet } from './NoticeSheet.tsx';

/** `unitSet` is the officer's: the code is read in it. */
export function WardNotice({ locale, t, code, unitSet }: { locale: Locale; t: Translate; code: string; unitSet: string }) {
  const [today] = useState(todayInVietnam);
  const [ward, setWard] = useState<NoticeWard | null>();
  const [notice, setNotice] = useState<NoticeData>();
  const [failed, setFailed] = useState(false);
  const range = useMemo(() => defaultDateRange(today), [today]);

  useEffect(() => {
    let live = true;
    Promise.all([loadWard(code, unitSet, today), loadNotice(code, range, unitSet)]).then(
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
  }, [code, range, unitSet, today]);

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

  const url = wardSchedulesUrl(window.location.origin, locale, code, ward.campaignSlug);
  return (
    <>
      <div className="notice-controls" role="group" aria-label={t('staffNotice:actions.label')} data-print-hide>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('staffNotice:actions.print')}
        </button>
        <p className="hint">{t('staffNotice:actions.printHint')}</p>
        <p>{otherWard}</p>
      </div>
      <NoticeSheet locale={locale} t={t} ward={ward} notice={notice} range={range} today={today} url={url} />
    </>
  );
}
