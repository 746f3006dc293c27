// The day's count of applications as the officer types it (the staff day page's count form): its
// zod schema, loaded with the form's first save rather than with the page. The checks of
// staff_record_daily_count (supabase/schemas) stay the authority.
import { coerce, int, minLength, object, pipe, positive, refine, regex, string, transform, trim, type output } from 'zod/mini';
import { isIsoDate } from './dates.ts';

/** The keys of the `staffDay` namespace the count form's messages use. */
export const dailyCountMessages = {
  applicationsRequired: 'staffDay:count.applications.required',
  applicationsWhole: 'staffDay:count.applications.whole',
  walkInsWhole: 'staffDay:count.walkIns.whole',
  walkInsTooMany: 'staffDay:count.walkIns.tooMany',
  dayInvalid: 'staffDay:count.day.invalid',
  unitRequired: 'staffDay:count.unit.required',
} as const;

const m = dailyCountMessages;
/** Whole numbers as typed in a number box: digits only, no sign, no decimals. */
const wholeNumber = (required: string, whole: string) =>
  pipe(
    string().check(trim(), minLength(1, { error: required, abort: true }), regex(/^[0-9]{1,7}$/, { error: whole, abort: true })),
    transform(Number),
  );

/** The count form as typed: applications taken that day, of which walk-ins (the table's check repeated). */
export const dailyCountSchema = object({
  unitId: coerce.number().check(int(m.unitRequired), positive(m.unitRequired)),
  day: string().check(refine(isIsoDate, m.dayInvalid)),
  applications: wholeNumber(m.applicationsRequired, m.applicationsWhole),
  walkIns: pipe(
    string().check(trim(), regex(/^[0-9]{0,7}$/, { error: m.walkInsWhole, abort: true })),
    transform((value: string) => (value === '' ? 0 : Number(value))),
  ),
}).check(refine((count) => count.walkIns <= count.applications, { message: m.walkInsTooMany, path: ['walkIns'] }));

export type DailyCount = output<typeof dailyCountSchema>;
