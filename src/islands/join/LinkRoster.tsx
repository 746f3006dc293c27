// The roster of an organisation's sign-up link, as its coordinator and the unit's officers see it:
// counts, a search that ignores tone marks, the list by shift and queue number, the CSV export
// (UTF-8 with BOM) and a print view for the identity check; removing an entry made by mistake
// when the page allows it.
import { useState } from 'react';
import { rosterFileName } from '../../domain/roster-csv.ts';
import type { BookingStatus } from '../../domain/roster.ts';
import { countLinkRoster, linkRosterCsv, matchesLinkSearch, type LinkRoster as Roster, type LinkRosterEntry } from '../../domain/link-roster.ts';
import { todayInVietnam } from '../../domain/dates.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDate, formatDateNumeric, formatDayLong, formatTime } from '../../lib/format.ts';
import { downloadText } from '../shared/download.ts';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  roster: Roster;
  /** Removes an entry (the coordinator's page); answers the problem's text, or null when done. */
  onRemove?: (entry: LinkRosterEntry) => Promise<string | null>;
  onRefresh: () => void;
}

export function LinkRoster({ locale, t, roster, onRemove, onRefresh }: Props) {
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const counts = countLinkRoster(roster);
  const shown = roster.entries.filter((entry) => matchesLinkSearch(entry, query));
  const statusText = (status: BookingStatus) => t(`join:coordinator.status.${status}`);
  const shiftText = (entry: LinkRosterEntry) =>
    t('join:shift.option', { start: formatTime(locale, entry.shift.starts_at), end: formatTime(locale, entry.shift.ends_at) });
  const name = (entry: LinkRosterEntry) => entry.full_name ?? entry.code;

  function download() {
    const csv = linkRosterCsv(roster.entries, {
      headers: {
        queueNo: t('join:coordinator.queueNo'),
        fullName: t('join:coordinator.fullName'),
        group: t('join:coordinator.group'),
        birthDate: t('join:coordinator.birthDate'),
        shift: t('join:coordinator.shift'),
        status: t('join:coordinator.status'),
        code: t('join:coordinator.code'),
      },
      status: statusText,
      shift: shiftText,
    });
    downloadText(rosterFileName(t('join:coordinator.filePrefix'), roster.session.date, '', roster.link.org_name), csv, 'text/csv;charset=utf-8');
  }

  async function remove(entry: LinkRosterEntry) {
    if (!onRemove || !window.confirm(t('join:coordinator.removeConfirm', { name: name(entry) }))) return;
    setBusy(entry.code);
    const problem = await onRemove(entry);
    setBusy(null);
    setNotice(problem ? { error: true, text: problem } : { error: false, text: t('join:coordinator.removed', { name: name(entry) }) });
  }

  const now = new Date();
  return (
    <div className="link-roster">
      <p className="link-roster-org">
        <strong>{roster.link.org_name}</strong>
        <br />
        {t('join:coordinator.session', { date: formatDayLong(locale, roster.session.date), place: `${roster.session.site_name}, ${roster.session.address}` })}
      </p>
      {roster.link.state !== 'open' && <p>{t('join:coordinator.stateNote', { state: t(`join:coordinator.state.${roster.link.state}`) })}</p>}
      <dl className="link-roster-counts" aria-label={t('join:coordinator.counts')}>
        {(
          [
            ['signedUp', counts.signedUp],
            ['placesLeft', counts.placesLeft],
            ['checkedIn', counts.checkedIn],
            ['served', counts.served],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{t(`join:coordinator.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <div className="link-roster-tools" data-print-hide>
        <TextField id="roster-search" type="search" autoComplete="off" label={t('join:coordinator.search')} hint={t('join:coordinator.searchHint')} value={query} onValue={setQuery} />
        <div className="link-roster-actions">
          <button type="button" className="button button-secondary" onClick={download} disabled={counts.signedUp === 0}>
            {t('join:coordinator.csv')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t('join:coordinator.print')}
          </button>
          <button type="button" className="button button-secondary" onClick={onRefresh}>
            {t('join:coordinator.refresh')}
          </button>
        </div>
      </div>

      <div aria-live="polite" data-print-hide>
        {notice && <p className={`notice${notice.error ? ' notice-error' : ''}`}>{notice.text}</p>}
      </div>
      {roster.entries.length === 0 ? (
        <p>{t('join:coordinator.empty')}</p>
      ) : shown.length === 0 ? (
        <p role="status">{t('join:coordinator.noMatch')}</p>
      ) : (
        <div className="link-roster-table" role="region" aria-labelledby="roster-caption" tabIndex={0}>
          <table>
            <caption id="roster-caption">{t('join:coordinator.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('join:coordinator.queueNo')}</th>
                <th scope="col">{t('join:coordinator.fullName')}</th>
                <th scope="col">{t('join:coordinator.group')}</th>
                <th scope="col">{t('join:coordinator.birthDate')}</th>
                <th scope="col">{t('join:coordinator.shift')}</th>
                <th scope="col">{t('join:coordinator.status')}</th>
                {onRemove && (
                  <th scope="col" data-print-hide>
                    {t('join:coordinator.actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.code} className={entry.status === 'cancelled' ? 'link-roster-cancelled' : undefined}>
                  <td>{entry.queue_no}</td>
                  <th scope="row">{entry.full_name}</th>
                  <td>{entry.org_group}</td>
                  <td>{entry.birth_date && formatDateNumeric(locale, entry.birth_date)}</td>
                  <td>{shiftText(entry)}</td>
                  <td>{statusText(entry.status)}</td>
                  {onRemove && (
                    <td data-print-hide>
                      {entry.status === 'confirmed' && (
                        <button type="button" className="button-link" disabled={busy === entry.code} onClick={() => void remove(entry)}>
                          {t('join:coordinator.remove', { name: name(entry) })}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="link-roster-printed">
        {t('join:coordinator.printed', { date: formatDate(locale, todayInVietnam(now)), time: formatTime(locale, now.toISOString()) })}
      </p>
    </div>
  );
}
