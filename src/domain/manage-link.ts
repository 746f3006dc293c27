// The private link to a booking: /{lang}/booking/#code=…&t=… . The code and token travel in the
// fragment, which browsers never send to a server, so they stay out of server and proxy logs.
import { normalizeCode } from './booking-code.ts';

export interface ManageLink {
  code: string;
  token: string;
}

/** The manage token: 43 base64url characters today, 32–64 accepted. */
export const manageTokenPattern = /^[A-Za-z0-9_-]{32,64}$/;

export function manageLinkHash(link: ManageLink): string {
  return `#${new URLSearchParams({ code: link.code, t: link.token }).toString()}`;
}

export function parseManageLinkHash(hash: string): ManageLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = normalizeCode(params.get('code'));
  const token = params.get('t') ?? '';
  return code && manageTokenPattern.test(token) ? { code, token } : null;
}
