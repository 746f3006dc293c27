// The unit lookups a citizen page calls: which 2025 commune a point lies in (public.locate_commune)
// and what a 2021 ward became (public.old_ward_lookup), in supabase/schemas/13_unit_lookups.sql.
// One strict schema per answer; the types come from them.
import { array, boolean, optional, pipe, refine, strictObject, string, transform, type output } from 'zod/mini';

/** A 2025 province: English name always present in this set. */
const province2025Schema = strictObject({ code: string(), name: string(), name_en: string() });

const communeSchema = strictObject({ code: string(), name: string(), name_en: string(), kind: string() });

type Located =
  | { found: true; commune: output<typeof communeSchema>; province: output<typeof province2025Schema> }
  /** At sea or outside Viet Nam. */
  | { found: false };

// Read as one object whose commune and province come with `found` alone, rather than with zod's
// discriminated union: that would add its code to the schema chunk every citizen page loads, and
// the book and join pages have no room for it.
export const locateCommuneAnswer = pipe(
  strictObject({ found: boolean(), commune: optional(communeSchema), province: optional(province2025Schema) }).check(
    refine((answer) => answer.found === (answer.commune !== undefined) && answer.found === (answer.province !== undefined)),
  ),
  transform((answer): Located => (answer.commune && answer.province ? { found: true, commune: answer.commune, province: answer.province } : { found: false })),
);

const unit2021Schema = strictObject({ code: string(), name: string() });

export const oldWardAnswer = strictObject({
  wards: array(strictObject({
    code: string(),
    name: string(),
    district: unit2021Schema,
    province: unit2021Schema,
    /** The 2025 communes it became (two when it was split); empty for the few the data leaves out. */
    became: array(strictObject({ code: string(), name: string(), name_en: string(), province: province2025Schema })),
  })),
});

export type LocateCommuneAnswer = output<typeof locateCommuneAnswer>;
export type OldWardAnswer = output<typeof oldWardAnswer>;
export type OldWard = OldWardAnswer['wards'][number];
