import { readFileSync } from 'node:fs';
import { createLocalJWKSet, importSPKI, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { EmbedAlgorithm, EmbedKeySource } from './embed-config';

/** Public keys only: a JWKS entry that carries a private part (`d`) is refused. */
const publicJwkSchema = z.union([
  z.strictObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string().optional(), alg: z.literal('ES256').optional(), use: z.literal('sig').optional() }),
  z.strictObject({ kty: z.literal('RSA'), n: z.string(), e: z.string(), kid: z.string().optional(), alg: z.literal('RS256').optional(), use: z.literal('sig').optional() }),
]);
const jwksSchema = z.object({ keys: z.array(publicJwkSchema).min(1) });

export type EmbedKey = Uint8Array | JWTVerifyGetKey;

export class EmbedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbedKeyError';
  }
}

/** Turns the configured key into what jose verifies with; a bad key stops the start, with no key text in the message. */
export async function loadEmbedKey(source: EmbedKeySource, algorithms: EmbedAlgorithm[]): Promise<EmbedKey> {
  if (source.kind === 'secret') return new TextEncoder().encode(source.secret);
  if (source.kind === 'jwks-file') {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(source.path, 'utf8'));
    } catch {
      throw new EmbedKeyError('EMBED_JWKS_FILE: the file cannot be read as JSON');
    }
    const parsed = jwksSchema.safeParse(json);
    if (!parsed.success) throw new EmbedKeyError('EMBED_JWKS_FILE: expected { "keys": [...] } of EC P-256 or RSA public signing keys');
    return createLocalJWKSet(parsed.data);
  }
  // One PEM key: imported once per allowed algorithm, picked by the token's header.
  const imported = new Map<string, Awaited<ReturnType<typeof importSPKI>>>();
  for (const alg of algorithms) {
    try {
      imported.set(alg, await importSPKI(source.pem, alg));
    } catch {
      // Not a key of this algorithm (an EC key is no RSA key); the others may still fit.
    }
  }
  if (imported.size === 0) throw new EmbedKeyError('EMBED_PUBLIC_KEY: not a PEM public key for the allowed algorithms');
  return (header) => {
    const key = imported.get(header.alg);
    if (!key) throw new EmbedKeyError('no key for this algorithm');
    return key;
  };
}
