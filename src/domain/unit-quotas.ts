// A campaign's quota shared out between the units directly under its province (districts on the
// 2021 units, communes on the 2025 units), typed or imported from a CSV file, and the report of
// what staff_save_unit_quotas (supabase/schemas/17_campaign_admin.sql) saved and refused.
import { array, enum as picklist, int, literal, nullable, optional, strictObject, string, type output } from 'zod/mini';

/** Why a row is refused: the database's reasons, and `malformed` for a line the CSV reader could not read. */
export const quotaRowReasons = [
  'malformed',
  'missing_code',
  'unknown_code',
  'wrong_set',
  'not_in_province',
  'wrong_level',
  'duplicate',
  'missing_quota',
  'negative',
  'not_a_number',
  'zero',
  'above_campaign_quota',
] as const;
export type QuotaRowReason = (typeof quotaRowReasons)[number];

/** A row as sent: its line in the file (or its place in the table), the unit's code, the quota as typed (null removes it). */
export const quotaRowSchema = strictObject({ line: int(), code: string(), quota: nullable(string()) });
export type QuotaRow = output<typeof quotaRowSchema>;

/** One refused row: its line, the code as given, why, and for a duplicate the line that gave the unit first. */
export const refusedRowSchema = strictObject({
  line: int(),
  code: string(),
  reason: picklist(quotaRowReasons),
  first_line: optional(int()),
});
export type RefusedRow = output<typeof refusedRowSchema>;

/** staff_save_unit_quotas's answer. */
export const savedUnitQuotasSchema = strictObject({
  ok: literal(true),
  campaign_id: int(),
  saved: int(),
  removed: int(),
  refused: array(refusedRowSchema),
});
export type SavedUnitQuotas = output<typeof savedUnitQuotasSchema>;

/** The most rows one call takes (the database refuses more). */
export const maxQuotaRows = 5000;

/** What an import did: rows saved and removed, and every refused row (the reader's and the database's) by line. */
export interface ImportReport {
  saved: number;
  removed: number;
  refused: RefusedRow[];
}

export function importReport(unread: readonly RefusedRow[], answer: SavedUnitQuotas): ImportReport {
  return { saved: answer.saved, removed: answer.removed, refused: [...unread, ...answer.refused].sort((a, b) => a.line - b.line) };
}

/**
 * The rows of the typed table that changed: a quota typed where there was none or another, and an
 * emptied one (null, which removes it). Lines are the units' places in the table, from 1.
 */
export function changedQuotas(units: ReadonlyArray<{ code: string }>, saved: ReadonlyMap<string, number>, typed: ReadonlyMap<string, string>): QuotaRow[] {
  const rows: QuotaRow[] = [];
  units.forEach((unit, index) => {
    const text = (typed.get(unit.code) ?? '').trim();
    const before = saved.get(unit.code);
    if (text === '' && before !== undefined) rows.push({ line: index + 1, code: unit.code, quota: null });
    else if (text !== '' && text !== String(before)) rows.push({ line: index + 1, code: unit.code, quota: text });
  });
  return rows;
}
