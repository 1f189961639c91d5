import { randomBytes } from 'node:crypto';

export interface EmbedSession {
  subject: string;
  instance: string;
  parentOrigin: string;
  createdAt: number;
  lastUsedAt: number;
}

export interface SessionLimits {
  idleSeconds: number;
  maxSeconds: number;
  /** Beyond this many live sessions the oldest is dropped (memory stays bounded). */
  maxSessions?: number;
}

export type SessionLookup = { ok: true; session: EmbedSession } | { ok: false; code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' };

/**
 * Embed sessions live in the proxy's memory only: an opaque random id for the browser, everything
 * else here. A restart ends them all, and the portal mints a new token (the console asks for one).
 */
export function createSessionStore(limits: SessionLimits) {
  const sessions = new Map<string, EmbedSession>();
  const maxSessions = limits.maxSessions ?? 10_000;
  const expired = (session: EmbedSession, now: number) =>
    now - session.lastUsedAt > limits.idleSeconds * 1000 || now - session.createdAt > limits.maxSeconds * 1000;

  return {
    open(fields: Pick<EmbedSession, 'subject' | 'instance' | 'parentOrigin'>, now: number): { id: string; expiresAt: number } {
      for (const [id, session] of sessions) if (expired(session, now)) sessions.delete(id);
      while (sessions.size >= maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done) break;
        sessions.delete(oldest.value);
      }
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { ...fields, createdAt: now, lastUsedAt: now });
      return { id, expiresAt: now + limits.maxSeconds * 1000 };
    },
    /** Finds a live session and counts this use against its idle time. */
    touch(id: string, now: number): SessionLookup {
      const session = sessions.get(id);
      if (!session) return { ok: false, code: 'UNAUTHORIZED' };
      if (expired(session, now)) {
        sessions.delete(id);
        return { ok: false, code: 'TOKEN_EXPIRED' };
      }
      session.lastUsedAt = now;
      return { ok: true, session };
    },
    size: () => sessions.size,
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
