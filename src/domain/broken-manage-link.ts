// A private link that came broken (/{lang}/booking/#code=…&t=… with the token cut short or
// missing, the code mangled), told apart from a whole link and from a ticket's lookup. Its own
// module: only the booking page reads it, and manage-link.ts is also in the home-visit form's
// script, which has no bytes to spare.
import { isValidCode, normalizeCode } from './booking-code.ts';
import { parseManageLinkHash } from './manage-link.ts';

/**
 * A fragment meant as a private link that is not one (the token cut short or missing, the code
 * mangled): what to tell the person, with the code to fill the lookup in when it is a valid code.
 * Null for a whole link and for any fragment without the link's keys (a ticket's #lookup=…).
 */
export function brokenManageLinkHash(hash: string): { code: string | null } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('code') && !params.has('t')) return null;
  if (parseManageLinkHash(hash)) return null;
  const code = normalizeCode(params.get('code'));
  return { code: isValidCode(code) ? code : null };
}
