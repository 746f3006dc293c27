// The unit lookups a citizen page calls: which 2025 commune a point lies in (public.locate_commune)
// and what a 2021 ward became (public.old_ward_lookup), in supabase/schemas/13_unit_lookups.sql.
// One strict schema per answer; the types come from them.
import { array, discriminatedUnion, literal, strictObject, string, type output } from 'zod/mini';

/** A 2025 province: English name always present in this set. */
const province2025Schema = strictObject({ code: string(), name: string(), name_en: string() });

export const locateCommuneAnswer = discriminatedUnion('found', [
  strictObject({
    found: literal(true),
    commune: strictObject({ code: string(), name: string(), name_en: string(), kind: string() }),
    province: province2025Schema,
  }),
  /** At sea or outside Viet Nam. */
  strictObject({ found: literal(false) }),
]);

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
