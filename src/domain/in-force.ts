// What the guide's data files share (fees.ts, eligibility.ts): each entry holds from a day to a
// day, with its source cited in both languages.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

export const isoDate = z.string().refine(isIsoDate, 'a YYYY-MM-DD date');
export const localized = z.strictObject({ vi: z.string().min(3), en: z.string().min(3) });

/** Whether an entry holds on `date`: from its first to its last day, both included; no last day while in force. */
export function inForce(entry: { valid_from: string; valid_to: string | null }, date: string): boolean {
  return entry.valid_from <= date && (entry.valid_to === null || date <= entry.valid_to);
}
