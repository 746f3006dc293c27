// A scheduled visit as the family and the officers read it, on the status page and in the console.
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import type { Translate } from '../translator.ts';

/** "Monday, 30 November 2026, between 08:30 and 10:00". */
export function visitWindow(t: Translate, locale: Locale, visit: { scheduled_on: string | null; scheduled_from: string | null; scheduled_to: string | null }): string {
  return t('homeVisit:visit.window', { date: formatDayLong(locale, visit.scheduled_on ?? ''), from: visit.scheduled_from ?? '', to: visit.scheduled_to ?? '' });
}

/** "Monday, Wednesday · Morning": the days and parts of the day that suit the family. */
export function preferredTimes(t: Translate, days: readonly number[], periods: readonly string[]): string {
  return `${days.map((day) => t(`homeVisit:day.${day}`)).join(', ')} · ${periods.map((period) => t(`homeVisit:period.${period}`)).join(', ')}`;
}
