// The key that makes a retried request take effect once. Without zod, so a form that sends
// (src/islands/shared/send-once.ts) need not load the booking schemas.

/** 16 random bytes as base64url: 22 characters, made once per booking form. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
