// The session's shifts with their live counts (booked, checked in, served, no-show, walk-ins),
// the chosen shift marked, and when they were last read.
import type { Locale } from '../../../i18n/config.ts';
import type { ShiftCounts as Counts } from '../../../domain/roster.ts';
import { formatClock, formatTime } from '../../../lib/format.ts';
import type { Translate } from '../../translator.ts';
import type { ShiftRow } from './data.ts';

interface Props {
  t: Translate;
  locale: Locale;
  shifts: ShiftRow[];
  counts: Map<number, Counts>;
  shiftId: number | null;
  readAt: Date;
  failedAt: Date | null;
}

export function ShiftCounts({ t, locale, shifts, counts, shiftId, readAt, failedAt }: Props) {
  const time = (instant: string) => formatTime(locale, instant);
  return (
    <section aria-labelledby="day-counts">
      <h2 id="day-counts">{t('staffDay:counts.heading')}</h2>
      {/* Focusable, so that a keyboard can scroll the table where it is wider than a phone. */}
      <div className="staff-day-table" tabIndex={0} role="region" aria-labelledby="day-counts">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staffDay:counts.shift')}</th>
              <th scope="col">{t('staffDay:counts.booked')}</th>
              <th scope="col">{t('staffDay:counts.checkedIn')}</th>
              <th scope="col">{t('staffDay:counts.served')}</th>
              <th scope="col">{t('staffDay:counts.noShow')}</th>
              <th scope="col">{t('staffDay:counts.walkIns')}</th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((each) => {
              const c = counts.get(each.id)!;
              return (
                <tr key={each.id} aria-current={each.id === shiftId ? 'true' : undefined}>
                  <th scope="row">{t('staffDay:choose.time', { start: time(each.starts_at), end: time(each.ends_at) })}</th>
                  <td>{c.booked}</td>
                  <td>{c.checkedIn}</td>
                  <td>{c.served}</td>
                  <td>{c.noShow}</td>
                  <td>{c.walkIns}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={failedAt ? 'notice notice-warning' : 'hint'}>
        {failedAt ? t('staffDay:counts.offline', { time: formatClock(locale, failedAt) }) : t('staffDay:counts.updatedAt', { time: formatClock(locale, readAt) })}
      </p>
    </section>
  );
}
