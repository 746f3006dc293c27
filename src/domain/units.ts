// The unit lookups a citizen page calls: which 2025 commune a point lies in (public.locate_commune)
// and what a 2021 ward became (public.old_ward_lookup), in supabase/schemas/13_unit_lookups.sql.
// One strict schema per answer; the types come from them.
import { array, boolean, optional, refine, strictObject, string, type output } from 'zod/mini';

/** A 2025 province: English name always present in this set. */
const province2025Schema = strictObject({ code: string(), name: string(), name_en: string() });

const communeSchema = strictObject({ code: string(), name: string(), name_en: string(), kind: string() });

/**
 * The commune and its province come with `found` and only with it; `{ found: false }` is a point at
 * sea or outside Viet Nam. One object rather than zod's discriminated union: that would add its
 * code to the schema chunk every citizen page loads, and the book and join pages have no room for it.
 */
export const locateCommuneAnswer = strictObject({ found: boolean(), commune: optional(communeSchema), province: optional(province2025Schema) }).check(
  refine((answer) => answer.found === (answer.commune !== undefined) && answer.found === (answer.province !== undefined)),
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
