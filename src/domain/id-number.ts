// The personal identification number (số định danh cá nhân), which is also the number of the
// chip-based citizen ID card, and the number of the old ID card (chứng minh nhân dân, CMND).
//
// Decree 137/2015/NĐ-CP, art. 7, and Circular 07/2016/TT-BCA, art. 7: 12 digits,
//   - digits 1–3: the code of the province (or centrally run city) where the birth was registered;
//   - digit 4: century of birth and sex: 0/1 born 1900–1999 (male/female), 2/3 2000–2099,
//     4/5 2100–2199, 6/7 2200–2299, 8/9 1800–1899;
//   - digits 5–6: the last two digits of the year of birth;
//   - digits 7–12: a random number.
// The old ID card has 9 digits and no structure we can check. The sex digit is not checked: the
// booking form does not ask for sex. The same rule is private.is_valid_id_number in
// supabase/schemas/02_private_helpers.sql, which reads the province codes from
// public.admin_units.

/**
 * The 63 province codes of the 2021 list of the General Statistics Office of Viet Nam
 * (danhmuchanhchinh.gso.gov.vn, as of 2021-07-01; the campaign's vn-admin-units-2021.json), padded
 * to 3 digits as the ID number writes them. 000 and 097–099 are not provinces. A person keeps
 * their number for life, so the 2021 set is the one this campaign checks against.
 */
export const idProvinceCodes: readonly string[] = [
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019',
  '020', '022', '024', '025', '026', '027', '030', '031', '033', '034', '035', '036',
  '037', '038', '040', '042', '044', '045', '046', '048', '049', '051', '052', '054',
  '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093',
  '094', '095', '096',
];

const provinceCodes = new Set(idProvinceCodes);

export type IdNumberKind = 'personal_id' | 'old_card';
export type IdNumberProblem = 'format' | 'province' | 'birth_year';
export type IdNumberCheck = { ok: true; kind: IdNumberKind } | { ok: false; reason: IdNumberProblem };

/** The century digit pair (digit 4 halved) of a year of birth, or null outside 1800–2299. */
function centuryIndex(year: number): number | null {
  if (year >= 1800 && year <= 1899) return 4;
  if (year >= 1900 && year <= 2299) return Math.floor((year - 1900) / 100);
  return null;
}

/**
 * Checks an ID number as typed (digits only; strip spaces before). With a date of birth
 * (`YYYY-MM-DD`) a 12-digit number must also carry its century and year; without one, only the
 * format and the province are checked.
 */
export function checkIdNumber(value: string, birthDate?: string | null): IdNumberCheck {
  if (/^[0-9]{9}$/.test(value)) return { ok: true, kind: 'old_card' };
  if (!/^[0-9]{12}$/.test(value)) return { ok: false, reason: 'format' };
  if (!provinceCodes.has(value.slice(0, 3))) return { ok: false, reason: 'province' };
  const year = birthDate ? /^([0-9]{4})-/.exec(birthDate)?.[1] : undefined;
  if (year !== undefined) {
    const birthYear = Number(year);
    const century = Math.floor(Number(value.charAt(3)) / 2);
    if (centuryIndex(birthYear) !== century || value.slice(4, 6) !== year.slice(2)) {
      return { ok: false, reason: 'birth_year' };
    }
  }
  return { ok: true, kind: 'personal_id' };
}
