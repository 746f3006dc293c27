// The roster of a shift as a CSV file, and the CSV writing the sign-up links' roster shares. Apart
// from roster.ts so the day page loads it only when the officer downloads the list.
import { foldForSearch, rosterState, type RosterEntry, type RosterState } from './roster.ts';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field starting
 * with = + - or @ is what a spreadsheet runs as a formula; a name is typed by the public, so such
 * a field gets a leading apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file: a byte order mark first, so that spreadsheet programs (Excel above all) read the
 * file as UTF-8 and show Vietnamese letters rather than mojibake; CRLF line ends, as RFC 4180 and
 * Excel expect.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export interface RosterCsvLabels {
  headers: { queueNo: string; code: string; fullName: string; birthDate: string; status: string; kind: string };
  status: (state: RosterState) => string;
  kind: (kind: RosterEntry['kind']) => string;
}

/** The roster of a shift as a CSV file, in the officer's language. Dates stay YYYY-MM-DD, which every spreadsheet reads. */
export function rosterCsv(entries: readonly RosterEntry[], labels: RosterCsvLabels): string {
  const { headers } = labels;
  return toCsv([
    [headers.queueNo, headers.code, headers.fullName, headers.birthDate, headers.status, headers.kind],
    ...entries.map((entry) => [entry.queueNo, entry.code, entry.fullName, entry.birthDate, labels.status(rosterState(entry)), labels.kind(entry.kind)]),
  ]);
}

/** A file name any system accepts: `danh-sach-2026-11-24-0700-cong-an-phuong-phu-hoi.csv`. */
export function rosterFileName(prefix: string, date: string, startTime: string, siteName: string): string {
  const slug = (text: string) =>
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${[slug(prefix), date, startTime.replace(/\D/g, ''), slug(siteName).slice(0, 60)].filter(Boolean).join('-')}.csv`;
}
