import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * What a portal's back end runs, once per "open the console" action: a short-lived HS256 token
 * naming the operator, the instance alias and the exact origin of the page that frames the console.
 * The secret is EMBED_SECRET of the console's proxy; it never leaves the portal's server.
 */
export interface EmbedTokenRequest {
  secret: string;
  issuer: string;
  audience?: string;
  operator: string;
  instance: string;
  parentOrigin: string;
  /** At most 300; the console refuses longer-lived tokens. */
  lifetimeSeconds?: number;
  /** For tests: the moment the token is minted (epoch seconds). */
  issuedAt?: number;
}

export async function mintEmbedToken(request: EmbedTokenRequest): Promise<string> {
  const iat = request.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ inst: request.instance, po: request.parentOrigin })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(request.issuer)
    .setAudience(request.audience ?? 'wa-onboarding')
    .setSubject(request.operator)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (request.lifetimeSeconds ?? 120))
    .sign(new TextEncoder().encode(request.secret));
}
