// A campaign's quota shared out between the units directly under its province (districts on the
// 2021 units, communes on the 2025 units), with the basic survey's people still to take in when
// known, typed or imported from a CSV file, and the report of what staff_save_unit_quotas
// (supabase/schemas/17_campaign_admin.sql) saved and refused.
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

/**
 * A row as sent: its line in the file (or its place in the table), the unit's code, the quota as
 * typed (null removes it, and the survey figure with it), and the basic survey's people still to
 * take in as typed: null when not known, absent to keep the figure saved. The database judges
 * both texts, with the same reasons (negative, not_a_number) for either.
 */
export const quotaRowSchema = strictObject({ line: int(), code: string(), quota: nullable(string()), people: optional(nullable(string())) });
export type QuotaRow = output<typeof quotaRowSchema>;

/** A survey cell or box as sent: its text, or null when empty (not known). */
export const peopleText = (typed: string): string | null => typed.trim() || null;

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

/** A unit's saved quota and survey figure (null: not known). */
export interface SavedQuota {
  quota: number;
  people: number | null;
}

/** A unit's boxes in the typed table, as typed. */
export interface TypedQuota {
  quota: string;
  people: string;
}

/**
 * The rows of the typed table that changed: a quota or a survey figure typed where there was none
 * or another, and an emptied quota (null, which removes it with its figure). Lines are the units'
 * places in the table, from 1. A changed row sends both boxes (an empty figure as not known); a
 * figure typed without a quota is sent too, for the database's missing_quota.
 */
export function changedQuotas(
  units: ReadonlyArray<{ code: string }>,
  saved: ReadonlyMap<string, SavedQuota>,
  typed: ReadonlyMap<string, TypedQuota>,
): QuotaRow[] {
  const rows: QuotaRow[] = [];
  units.forEach((unit, index) => {
    const line = index + 1;
    const quota = (typed.get(unit.code)?.quota ?? '').trim();
    const people = peopleText(typed.get(unit.code)?.people ?? '');
    const before = saved.get(unit.code);
    if (quota === '' && before !== undefined) rows.push({ line, code: unit.code, quota: null });
    else if (quota !== (before === undefined ? '' : String(before.quota)) || people !== (before?.people?.toString() ?? null)) {
      rows.push({ line, code: unit.code, quota, people });
    }
  });
  return rows;
}
