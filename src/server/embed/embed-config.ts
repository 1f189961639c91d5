import { z } from 'zod';

export const embedAlgorithms = ['HS256', 'ES256', 'RS256'] as const;
export type EmbedAlgorithm = (typeof embedAlgorithms)[number];

/** Unset or blank (a copied `.env.example` line) both mean "not given". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const seconds = (fallback: number, max: number) => z.coerce.number().int().positive().max(max).default(fallback);

/** The EMBED_* variables; spread into the proxy's environment schema. */
export const embedEnvShape = {
  EMBED_ENABLED: z.enum(['true', 'false', '1', '0']).default('false'),
  EMBED_ISSUER: optionalText,
  EMBED_AUDIENCE: z.string().trim().min(1).default('wa-onboarding'),
  /** HS256 shared secret, at least 32 characters. */
  EMBED_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, 'at least 32 characters'),
  /** A JSON Web Key Set file with the portal's public keys (ES256 or RS256). */
  EMBED_JWKS_FILE: optionalText,
  /** One PEM public key (SPKI) of the portal, instead of a JWKS file. */
  EMBED_PUBLIC_KEY: optionalText,
  /** Comma-separated; by default HS256 for a secret, ES256 and RS256 for public keys. `none` is never accepted. */
  EMBED_ALGORITHMS: optionalText,
  /** Comma-separated exact origins of the portal pages allowed to frame the console. */
  EMBED_ALLOWED_ORIGINS: optionalText,
  EMBED_SESSION_IDLE_SECONDS: seconds(15 * 60, 15 * 60),
  EMBED_SESSION_MAX_SECONDS: seconds(60 * 60, 60 * 60),
};

type EmbedEnv = z.infer<z.ZodObject<typeof embedEnvShape>>;

export type EmbedKeySource = { kind: 'secret'; secret: string } | { kind: 'jwks-file'; path: string } | { kind: 'pem'; pem: string };

export interface EmbedConfig {
  issuer: string;
  audience: string;
  key: EmbedKeySource;
  algorithms: EmbedAlgorithm[];
  allowedOrigins: string[];
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
}

/** An origin exactly as a browser reports it in `event.origin`: scheme, host and port, nothing else. */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Null when embedding is off; otherwise the settings, or the problems that stop the start. */
export function embedConfigFrom(env: EmbedEnv): { ok: true; embed: EmbedConfig | null } | { ok: false; problems: string[] } {
  if (env.EMBED_ENABLED !== 'true' && env.EMBED_ENABLED !== '1') return { ok: true, embed: null };
  const problems: string[] = [];
  if (!env.EMBED_ISSUER) problems.push('EMBED_ISSUER: required when EMBED_ENABLED is set');

  const keys: EmbedKeySource[] = [];
  if (env.EMBED_SECRET) keys.push({ kind: 'secret', secret: env.EMBED_SECRET });
  if (env.EMBED_JWKS_FILE) keys.push({ kind: 'jwks-file', path: env.EMBED_JWKS_FILE });
  if (env.EMBED_PUBLIC_KEY) keys.push({ kind: 'pem', pem: env.EMBED_PUBLIC_KEY.replace(/\\n/g, '\n') });
  if (keys.length !== 1) problems.push('EMBED_SECRET, EMBED_JWKS_FILE, EMBED_PUBLIC_KEY: set exactly one when EMBED_ENABLED is set');
  const key = keys[0];

  const defaults: EmbedAlgorithm[] = key?.kind === 'secret' ? ['HS256'] : ['ES256', 'RS256'];
  const named = list(env.EMBED_ALGORITHMS);
  const algorithms = named.filter((name): name is EmbedAlgorithm => embedAlgorithms.some((allowed) => allowed === name));
  if (algorithms.length !== named.length) problems.push(`EMBED_ALGORITHMS: only ${embedAlgorithms.join(', ')} are accepted`);
  const chosen = named.length > 0 ? algorithms : defaults;
  const symmetric = chosen.includes('HS256');
  if (key && (key.kind === 'secret') !== symmetric || (symmetric && chosen.length > 1)) {
    problems.push('EMBED_ALGORITHMS: HS256 goes with EMBED_SECRET alone; ES256/RS256 with a public key');
  }

  const origins = list(env.EMBED_ALLOWED_ORIGINS);
  if (origins.length === 0) problems.push('EMBED_ALLOWED_ORIGINS: list at least one origin when EMBED_ENABLED is set');
  const bad = origins.filter((origin) => !isExactOrigin(origin));
  if (bad.length > 0) problems.push(`EMBED_ALLOWED_ORIGINS: not an exact origin (scheme://host[:port]): ${bad.join(', ')}`);

  if (env.EMBED_SESSION_IDLE_SECONDS > env.EMBED_SESSION_MAX_SECONDS) {
    problems.push('EMBED_SESSION_IDLE_SECONDS: must not be longer than EMBED_SESSION_MAX_SECONDS');
  }

  if (problems.length > 0 || !key || !env.EMBED_ISSUER) return { ok: false, problems };
  return {
    ok: true,
    embed: {
      issuer: env.EMBED_ISSUER,
      audience: env.EMBED_AUDIENCE,
      key,
      algorithms: chosen,
      allowedOrigins: origins,
      sessionIdleSeconds: env.EMBED_SESSION_IDLE_SECONDS,
      sessionMaxSeconds: env.EMBED_SESSION_MAX_SECONDS,
    },
  };
}
