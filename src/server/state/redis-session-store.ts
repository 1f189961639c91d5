import { z } from 'zod';
import { newSessionId, sessionExpired, sessionKey, type EmbedSession, type SessionLimits, type SessionStore } from '../embed/sessions';
import { parseJson } from './call-coordination';
import type { RedisState } from './redis-state';

/** After its absolute end a session is kept this much longer, so a late use hears "expired", not "unknown". */
const EXPIRED_GRACE_MS = 60_000;

const sessionSchema = z.object({
  subject: z.string(),
  instance: z.string(),
  parentOrigin: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number(),
}) satisfies z.ZodType<EmbedSession>;

/**
 * JSON under `session:<sha256 of the id>`; its TTL is what is left of the absolute lifetime (plus a
 * minute), so no session outlives `maxSeconds` in Redis. Idle time is checked on each use.
 */
export function createRedisSessionStore(state: RedisState, limits: SessionLimits): SessionStore {
  const ttl = (session: EmbedSession, now: number) => Math.max(1, session.createdAt + limits.maxSeconds * 1000 - now + EXPIRED_GRACE_MS);
  return {
    open: (fields, now) =>
      state.run(async (redis) => {
        const id = newSessionId();
        const session: EmbedSession = { ...fields, createdAt: now, lastUsedAt: now };
        await redis.set(state.key('session', sessionKey(id)), JSON.stringify(session), 'PX', ttl(session, now));
        return { id, expiresAt: now + limits.maxSeconds * 1000 };
      }),
    touch: (id, now) =>
      state.run(async (redis) => {
        const key = state.key('session', sessionKey(id));
        const text = await redis.get(key);
        const parsed = text === null ? null : sessionSchema.safeParse(parseJson(text));
        if (!parsed?.success) return { ok: false, code: 'UNAUTHORIZED' } as const;
        const session = parsed.data;
        if (sessionExpired(session, now, limits)) {
          await redis.del(key);
          return { ok: false, code: 'TOKEN_EXPIRED' } as const;
        }
        const used = { ...session, lastUsedAt: now };
        // XX: a session deleted meanwhile (expired elsewhere) is not brought back.
        await redis.set(key, JSON.stringify(used), 'PX', ttl(used, now), 'XX');
        return { ok: true, session: used } as const;
      }),
  };
}
