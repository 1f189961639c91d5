import { decodeProtectedHeader, errors, jwtVerify, type ProtectedHeaderParameters } from 'jose';
import { z } from 'zod';
import { aliasSchema } from '../instances/instances-file';
import { isExactOrigin, type EmbedAlgorithm } from './embed-config';
import type { EmbedKey } from './embed-keys';

/** A token may live at most this long, counted from now and from its own `iat`. */
export const MAX_TOKEN_LIFETIME_SECONDS = 5 * 60;
/** Clocks of the portal and the proxy may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 5;

export const embedClaimsSchema = z.object({
  iss: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  sub: z.string().min(1).max(200),
  inst: aliasSchema,
  po: z.string().refine(isExactOrigin, 'po must be an exact origin'),
  jti: z.string().min(8).max(200),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type EmbedClaims = z.infer<typeof embedClaimsSchema>;

export interface TokenRules {
  issuer: string;
  audience: string;
  algorithms: EmbedAlgorithm[];
  allowedOrigins: string[];
}

/** Why a token was refused; logged, never shown to the browser beyond the catalogue code. */
export type TokenRefusal = 'expired' | 'invalid' | 'lifetime' | 'origin' | 'replayed';
export type TokenCheck = { ok: true; claims: EmbedClaims } | { ok: false; reason: TokenRefusal };

/**
 * Verifies an embed token: signature with an allowed algorithm only (jose refuses `none`), issuer,
 * audience, expiry, a lifetime of at most five minutes, and a parent origin from the allowlist.
 * Single use is the replay store's job, after this check.
 */
export async function verifyEmbedToken(token: string, key: EmbedKey, rules: TokenRules, nowMs: number): Promise<TokenCheck> {
  if (!plainJwtHeader(token)) return { ok: false, reason: 'invalid' };
  let payload: unknown;
  try {
    const verified = await jwtVerify(token, key, {
      issuer: rules.issuer,
      audience: rules.audience,
      algorithms: rules.algorithms,
      currentDate: new Date(nowMs),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['iss', 'aud', 'sub', 'jti', 'iat', 'exp'],
    });
    payload = verified.payload;
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  const parsed = embedClaimsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const claims = parsed.data;
  const now = Math.floor(nowMs / 1000);
  const limit = MAX_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS;
  if (claims.exp - now > limit || claims.exp - claims.iat > limit || claims.iat - now > CLOCK_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'lifetime' };
  }
  if (!rules.allowedOrigins.includes(claims.po)) return { ok: false, reason: 'origin' };
  return { ok: true, claims };
}

/**
 * The header must say this is a plain JWT (`typ` JWT or absent, RFC 7519 §5.1; an access token
 * `at+jwt` or any other kind is a token for something else) and ask for no extension (`crit`).
 */
function plainJwtHeader(token: string): boolean {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return false;
  }
  if (header.crit !== undefined) return false;
  return header.typ === undefined || header.typ.toUpperCase() === 'JWT';
}

/** How long a `jti` must be remembered: until its token would be refused as expired anyway. */
export const replayKeepMs = (expSeconds: number, nowMs: number): number => expSeconds * 1000 + CLOCK_TOLERANCE_SECONDS * 1000 - nowMs;

/** Remembers every `jti` until its token would have expired anyway, so each token works once. */
export interface ReplayStore {
  /** True the first time a jti is used; false on every later use, from any process sharing the store. */
  use(jti: string, expSeconds: number, nowMs: number): Promise<boolean>;
}

export function createReplayStore(maxEntries = 100_000): ReplayStore {
  const seen = new Map<string, number>();
  return {
    use(jti, expSeconds, nowMs) {
      for (const [id, exp] of seen) if (replayKeepMs(exp, nowMs) < 0) seen.delete(id);
      if (seen.has(jti)) return Promise.resolve(false);
      // Full: refuse rather than forget, so a flood can never reopen a used token.
      if (seen.size >= maxEntries) return Promise.resolve(false);
      seen.set(jti, expSeconds);
      return Promise.resolve(true);
    },
  };
}
