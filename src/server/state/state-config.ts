import { z } from 'zod';

/** Unset or blank (a copied `.env.example` line) both mean "not given". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** The shared-state variables; spread into the proxy's environment schema. */
export const stateEnvShape = {
  /** `redis://` or `rediss://` (TLS); unset keeps every piece of state in this process. */
  REDIS_URL: optionalText.refine((value) => value === undefined || /^rediss?:\/\/[^/?#]/.test(value), 'a redis:// or rediss:// address'),
  REDIS_KEY_PREFIX: z.string().trim().min(1).max(64).default('wa-onboarding:'),
  /** 32 bytes, as 64 hexadecimal digits or base64: encrypts the provider memory kept in Redis. */
  STATE_ENCRYPTION_KEY: optionalText,
};

type StateEnv = z.infer<z.ZodObject<typeof stateEnvShape>>;

export interface StateConfig {
  redisUrl: string;
  keyPrefix: string;
  /** AES-256-GCM key for the secrets kept in Redis (the appeal token). */
  encryptionKey: Buffer;
}

/** 64 hex digits or base64 of exactly 32 bytes; anything else is a mistake worth stopping for. */
export function parseEncryptionKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/** Null: state stays in memory. Problems never echo the key or the address (it may hold a password). */
export function stateConfigFrom(e: StateEnv): { ok: true; state: StateConfig | null } | { ok: false; problems: string[] } {
  if (e.REDIS_URL === undefined) {
    return e.STATE_ENCRYPTION_KEY === undefined ? { ok: true, state: null } : { ok: false, problems: ['STATE_ENCRYPTION_KEY: only used with REDIS_URL'] };
  }
  if (e.STATE_ENCRYPTION_KEY === undefined) {
    return { ok: false, problems: ['STATE_ENCRYPTION_KEY: required with REDIS_URL (32 random bytes: openssl rand -hex 32)'] };
  }
  const key = parseEncryptionKey(e.STATE_ENCRYPTION_KEY);
  if (!key) return { ok: false, problems: ['STATE_ENCRYPTION_KEY: must be 32 bytes, as 64 hexadecimal digits or base64 (openssl rand -hex 32)'] };
  return { ok: true, state: { redisUrl: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, encryptionKey: key } };
}
