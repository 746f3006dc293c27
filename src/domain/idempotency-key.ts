// The key that makes a retried request take effect once. Without zod, so a form that sends
// (src/islands/shared/send-once.ts) need not load the booking schemas.

/**
 * A random base64url token of 16 to 48 bytes: the idempotency key the booking client makes once
 * per form (so a retried submit books once), and a sign-up link's share and coordinator tokens.
 */
export const randomTokenPattern = /^[A-Za-z0-9_-]{22,64}$/;

/** 16 random bytes as base64url: 22 characters, made once per booking form. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
