import { randomBytes } from 'node:crypto';
import { hashedName } from '../state/hashed-name';

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
export type SessionFields = Pick<EmbedSession, 'subject' | 'instance' | 'parentOrigin'>;

/**
 * Embed sessions: an opaque random id for the browser, everything else in the store, under a hash of
 * the id (a copy of the store opens no session). In memory, a restart ends them all and the portal
 * mints a new token; in Redis they outlive restarts and are shared by every process.
 */
export interface SessionStore {
  open(fields: SessionFields, now: number): Promise<{ id: string; expiresAt: number }>;
  /** Finds a live session and counts this use against its idle time. */
  touch(id: string, now: number): Promise<SessionLookup>;
  /** Sessions held by this process; absent when they are shared (Redis), where no process sees them all. */
  size?: () => number;
}

export const newSessionId = (): string => randomBytes(32).toString('base64url');
export const sessionKey = (id: string): string => hashedName(id);

export const sessionExpired = (session: EmbedSession, now: number, limits: SessionLimits): boolean =>
  now - session.lastUsedAt > limits.idleSeconds * 1000 || now - session.createdAt > limits.maxSeconds * 1000;

export function createSessionStore(limits: SessionLimits): SessionStore & { size: () => number } {
  const sessions = new Map<string, EmbedSession>();
  const maxSessions = limits.maxSessions ?? 10_000;

  return {
    open(fields, now) {
      for (const [key, session] of sessions) if (sessionExpired(session, now, limits)) sessions.delete(key);
      while (sessions.size >= maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done) break;
        sessions.delete(oldest.value);
      }
      const id = newSessionId();
      sessions.set(sessionKey(id), { ...fields, createdAt: now, lastUsedAt: now });
      return Promise.resolve({ id, expiresAt: now + limits.maxSeconds * 1000 });
    },
    touch(id, now) {
      const key = sessionKey(id);
      const session = sessions.get(key);
      if (!session) return Promise.resolve({ ok: false, code: 'UNAUTHORIZED' });
      if (sessionExpired(session, now, limits)) {
        sessions.delete(key);
        return Promise.resolve({ ok: false, code: 'TOKEN_EXPIRED' });
      }
      session.lastUsedAt = now;
      return Promise.resolve({ ok: true, session: { ...session } });
    },
    size: () => sessions.size,
  };
}
