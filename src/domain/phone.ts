// Vietnamese mobile numbers as people write them: "+84 90 123 4567", "090.123.4567", "(090) 1234567".
// The same rule as private.normalize_phone (supabase/schemas/02_private_helpers.sql):
// the site sends the normalised form, so the database and the site always compare like with like.

// Mobile prefixes since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x; the rest are landlines
// (02x) or unused.
const local = /^0[35789][0-9]{8}$/;
const international = /^84[35789][0-9]{8}$/;

/**
 * `0xxxxxxxxx` for a Vietnamese mobile number, or null. Spaces, dots, parentheses, plus signs and
 * dashes are ignored; the country code 84 may replace the leading 0.
 */
export function normalizePhone(input: string | null | undefined): string | null {
  const digits = (input ?? '').replace(/[\s.()+-]/g, '');
  if (international.test(digits)) return `0${digits.slice(2)}`;
  if (local.test(digits)) return digits;
  return null;
}

/** A normalised number grouped as people read it aloud: `0901 234 567`. */
export function formatPhone(normalized: string): string {
  return /^0[0-9]{9}$/.test(normalized)
    ? `${normalized.slice(0, 4)} ${normalized.slice(4, 7)} ${normalized.slice(7)}`
    : normalized;
}
