// What the law's data files share (fees.ts, eligibility.ts, consent-texts.ts): each entry holds from a day to a
// day, with its source cited in both languages.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

export const isoDate = z.string().refine(isIsoDate, 'a YYYY-MM-DD date');
export const localized = z.strictObject({ vi: z.string().min(3), en: z.string().min(3) });

// The date test itself is in dates.ts, which loads no zod, so citizen islands can use it too.
export { inForce } from './dates.ts';
