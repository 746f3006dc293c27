// JWTs signed with the local secret: the legacy anon/service_role keys and user access tokens.
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { jwtSecret } from './config.ts';

const secret = new TextEncoder().encode(jwtSecret);

// The payload the Supabase CLI uses for its demo keys, so the same key strings come out.
const legacyKeyExpiry = 1983812996;

async function sign(payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
}

export function legacyKey(role: 'anon' | 'service_role'): Promise<string> {
  return sign({ iss: 'supabase-demo', role, exp: legacyKeyExpiry });
}

export function signAccessToken(claims: JWTPayload): Promise<string> {
  return sign(claims);
}

/** The claims of a token signed with the local secret, or null when it is invalid or expired. */
export async function verifyToken(token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    return payload;
  } catch {
    return null;
  }
}
