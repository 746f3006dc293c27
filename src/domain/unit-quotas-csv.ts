// Reading a unit-quota CSV file into rows for staff_save_unit_quotas. PapaParse reads the file (any
// of , ; tab as separator, quoted cells, a BOM); this module is loaded only when an administrator
// picks a file, so the console's pages do not carry the reader.
import Papa from 'papaparse';
import { maxQuotaRows, peopleText, type QuotaRow, type RefusedRow } from './unit-quotas.ts';

/** Header names of the code, quota and survey columns, folded (lower case, no tone marks, only letters). */
const codeHeaders = ['code', 'unitcode', 'ma', 'madonvi', 'maxa', 'mahuyen'];
const quotaHeaders = ['quota', 'chitieu', 'target'];
/** "people", "people to take in", "số người", "còn phải thu nhận", "số người còn phải thu nhận"… */
const peopleHeaders = ['people', 'peopletotakein', 'peoplestilltotakein', 'songuoi', 'conphaithunhan', 'songuoiconphaithunhan'];

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export interface ReadQuotaCsv {
  rows: QuotaRow[];
  /** Lines that could not be read (a quote left open, a line of one cell), reported as `malformed`. */
  unread: RefusedRow[];
  /** More lines than one import takes. */
  tooMany: boolean;
}

/**
 * The rows of a file with a unit's code and its quota on each line. A first line naming the
 * columns (code / mã, quota / chỉ tiêu, and optionally the basic survey's people still to take in,
 * people / số người / còn phải thu nhận; other columns such as the unit's name are ignored) is
 * optional; without one, the code is the first cell and the quota the last, and no survey figure is
 * read (a middle cell may be the unit's name) and the saved figures stay. An empty survey cell
 * means not known. Blank lines are skipped. Line numbers are the file's records from 1, as a spreadsheet numbers its rows.
 */
export function readQuotaCsv(text: string): ReadQuotaCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const broken = new Set(parsed.errors.map((e) => e.row).filter((row): row is number => row !== undefined));
  const records = parsed.data;
  const header = records[0]?.map(fold) ?? [];
  const codeColumn = header.findIndex((cell) => codeHeaders.includes(cell));
  const quotaColumn = header.findIndex((cell) => quotaHeaders.includes(cell));
  const hasHeader = codeColumn >= 0 && quotaColumn >= 0;
  const peopleColumn = hasHeader ? header.findIndex((cell) => peopleHeaders.includes(cell)) : -1;
  const rows: QuotaRow[] = [];
  const unread: RefusedRow[] = [];
  records.forEach((cells, index) => {
    if (hasHeader && index === 0) return;
    if (cells.every((cell) => cell.trim() === '')) return;
    const line = index + 1;
    const code = (hasHeader ? cells[codeColumn] : cells[0])?.trim() ?? '';
    if (broken.has(index) || cells.length < 2) {
      unread.push({ line, code, reason: 'malformed' });
      return;
    }
    const quota = (hasHeader ? cells[quotaColumn] : cells.at(-1))?.trim() ?? '';
    rows.push(peopleColumn >= 0 ? { line, code, quota, people: peopleText(cells[peopleColumn] ?? '') } : { line, code, quota });
  });
  return { rows, unread, tooMany: rows.length > maxQuotaRows };
}
