// The private link to a booking: /{lang}/booking/#code=…&t=… . The code and token travel in the
// fragment, which browsers never send to a server, so they stay out of server and proxy logs.
import { normalizeCode } from './booking-code.ts';

export interface ManageLink {
  code: string;
  token: string;
}

export function manageLinkHash(link: ManageLink): string {
  return `#${new URLSearchParams({ code: link.code, t: link.token }).toString()}`;
}

export function parseManageLinkHash(hash: string): ManageLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = normalizeCode(params.get('code'));
  const token = params.get('t') ?? '';
  return code && /^[A-Za-z0-9_-]{32,64}$/.test(token) ? { code, token } : null;
}
