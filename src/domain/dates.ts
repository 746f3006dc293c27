// Calendar dates as Postgres `date` values (`YYYY-MM-DD`): a day in Viet Nam, never an instant.
// Plain string and integer arithmetic, so a browser in another time zone reads the same day.

const isoDatePattern = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Year, month (1–12) and day of a real `YYYY-MM-DD` date, or null. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; a real date survives the round trip. (It also
  // maps years 0–99 to 1900–1999, which the year check below catches.)
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function dayNumber(value: string): number {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be real dates. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` after a real date. */
export function addDays(value: string, days: number): string {
  return new Date((dayNumber(value) + days) * 86_400_000).toISOString().slice(0, 10);
}

// Viet Nam keeps UTC+7 all year (no daylight saving time), so a fixed offset is exact.
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** Today's date in Viet Nam, as private.today() computes it in the database. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/**
 * A date typed in three boxes (day, month, year; see STYLE.md habit 6) as `YYYY-MM-DD`. All empty
 * gives '' (nothing entered); anything else is joined as typed, so that a missing or impossible
 * part fails the date check instead of being guessed.
 */
export function dateFromParts(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === '' && m === '' && y === '') return '';
  const pad = (part: string) => (/^[0-9]$/.test(part) ? `0${part}` : part);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Age in whole years on a date, as Postgres `extract(year from age(on, birth))` counts it: the
 * birthday is reached on the same month and day (someone born on 29 February turns a year older on
 * 1 March in other years).
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (!birth || !on) throw new RangeError(`Not a YYYY-MM-DD date: ${birth ? onDate : birthDate}`);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

const timePattern = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** Whether a text is a time of day as a time input gives it (`HH:MM`, 24-hour). */
export function isTimeOfDay(value: string): boolean {
  return timePattern.test(value);
}

/** Whether an entry of dated law data holds on `date`: from its first to its last day, both included; no last day while in force. */
export function inForce(entry: { valid_from: string; valid_to: string | null }, date: string): boolean {
  return entry.valid_from <= date && (entry.valid_to === null || date <= entry.valid_to);
}
