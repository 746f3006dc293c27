// Numbers and dates as people of each locale read them ("732.000" in vi, "732,000" in en).
import type { Locale } from '../i18n/index.ts';

// Dates are shown as in Vietnam, wherever the build or the reader is.
const timeZone = 'Asia/Ho_Chi_Minh';

/** A percentage given as 0–100, with at most one decimal ("6,9 %" in vi, "6.9%" in en). */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A Postgres `date` (`2021-05-31`): a calendar day in Vietnam, not a UTC instant. */
export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** A date with its weekday ("Thứ Ba, 24 tháng 11, 2026"), for sessions people must turn up to. */
export function formatDayLong(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** The time of an instant in Vietnam, 24-hour ("07:00"). */
export function formatTime(locale: Locale, instant: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

/** A clock time in Vietnam with seconds ("14:05:09"), for "updated at". */
export function formatClock(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
}

/** A Postgres `date` in digits ("15/03/2010" in vi), for tables read side by side with ID papers. */
export function formatDateNumeric(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** An instant as a day and a time in Vietnam ("05/12/2026, 14:05" in vi), for the audit log. */
export function formatDateTime(locale: Locale, instant: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}
