// The planner's shifts, apart from its zod schemas (schema.ts) so that the code the console's page
// loads imports no schema it does not parse: a schema module's constructors would all be bundled.

/** The three 5-hour shifts of the Huế directive: 1 = 07–12, 2 = 12–17, 3 = 17–22 (the evening). */
export const shiftNumbers = [1, 2, 3] as const;
export const eveningShift = 3;
export type ShiftNumber = (typeof shiftNumbers)[number];
