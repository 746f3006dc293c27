// What a ticket's QR code holds: the booking page's address with the code in the fragment
// (/{lang}/booking/#lookup=CODE), so a phone's camera opens the lookup by code and phone with the
// code filled in. It carries no token: a QR code is shown to others and photographed. The key
// `lookup` is not the private link's `code` (#code=…&t=…), so neither form is read as the other.
// Officers' scanners read this form and the bare code that older tickets hold.
import { isValidCode, normalizeCode } from './booking-code.ts';

const lookupKey = 'lookup';

export function lookupHash(code: string): string {
  return `#${new URLSearchParams({ [lookupKey]: normalizeCode(code) }).toString()}`;
}

/** The code of a lookup fragment, normalised; null for any other fragment or an invalid code. */
export function parseLookupHash(hash: string): string | null {
  const code = normalizeCode(new URLSearchParams(hash.replace(/^#/, '')).get(lookupKey));
  return isValidCode(code) ? code : null;
}

/**
 * The booking code a scanned QR code holds: a bare code (as people type it) or a URL whose
 * fragment is a lookup fragment, from any host (a ticket of a preview or of the other language
 * is as good); null for anything else, a private link included.
 */
export function scannedCode(text: string): string | null {
  const bare = normalizeCode(text);
  if (isValidCode(bare)) return bare;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? parseLookupHash(url.hash) : null;
  } catch {
    return null;
  }
}
