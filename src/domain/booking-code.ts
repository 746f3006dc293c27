// Booking codes: 8 random Crockford base32 symbols and a check character, read over the phone and
// typed back from an SMS or a paper slip. Postgres makes and checks them (private.code_check_char,
// private.normalize_code, private.is_valid_code in
// supabase/schemas/02_private_helpers.sql); this module is the same rule for the
// site, so a mistyped code is caught before it costs the person one of their lookup attempts.

/** Crockford's base32: digits and capitals without I, L, O and U. */
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Symbols before the check character. */
export const codeBodyLength = 8;
/** A whole code: body and check character. */
export const codeLength = codeBodyLength + 1;

export const codePattern = /^[0-9A-HJKMNP-TV-Z]{9}$/;

/**
 * The Luhn mod 32 check character of `body`, step for step as private.code_check_char: from the
 * rightmost symbol, factors 2, 1, 2, …; each product adds its base-32 digit sum. A Luhn check
 * catches every single-symbol substitution and most adjacent transpositions.
 *
 * A symbol outside the alphabet counts as -1, as `strpos(…) - 1` does in SQL, with truncating
 * division and remainder as in Postgres, so the two agree even on garbage (such a body never
 * makes a valid code: isValidCode checks the alphabet first).
 */
export function checkChar(body: string): string {
  let factor = 2;
  let sum = 0;
  const symbols = Array.from(body);
  for (let i = symbols.length - 1; i >= 0; i--) {
    const addend = factor * codeAlphabet.indexOf(symbols[i] ?? '');
    factor = factor === 2 ? 1 : 2;
    sum += Math.trunc(addend / 32) + (addend % 32);
  }
  return codeAlphabet.charAt((32 - (sum % 32)) % 32);
}

/**
 * A code as people type it, in the form it is stored: upper case, spaces and dashes dropped, and
 * the letters Crockford reads as digits (I, L → 1; O → 0) mapped. Not a validity check.
 */
export function normalizeCode(input: string | null | undefined): string {
  return (input ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** True for a normalised code: 9 alphabet symbols whose last one checks the first 8. */
export function isValidCode(normalized: string): boolean {
  return codePattern.test(normalized) && checkChar(normalized.slice(0, codeBodyLength)) === normalized.slice(codeBodyLength);
}

/**
 * A code for display, `XXXX-XXXXX`: short groups are easier to read out and to copy. Input is
 * normalised first; anything that is not 9 symbols long comes back normalised but ungrouped.
 */
export function formatCode(code: string): string {
  const normalized = normalizeCode(code);
  return normalized.length === codeLength ? `${normalized.slice(0, 4)}-${normalized.slice(4)}` : normalized;
}
