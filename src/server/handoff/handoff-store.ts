import type { HandoffStep } from '../../contract/journey';

/** Links are kept this long after they end, so a late visit hears "expired" or "used", not "unknown". */
export const HANDOFF_AFTERLIFE_MS = 24 * 60 * 60 * 1000;

/**
 * One hand-off link, stored under the SHA-256 of its token (the token itself is never kept). It is
 * bound to an instance, a number and a journey step; it holds no code, PIN or credential.
 */
export interface HandoffRecord {
  instance: string;
  step: HandoffStep;
  /** `ddi:phone` of the journey's number when the link was made. */
  number: string;
  createdAt: number;
  expiresAt: number;
  status: 'live' | 'used' | 'revoked';
  opened: boolean;
}

/**
 * Hand-off links by token digest, and which link is live for each instance (at most one: the journey
 * is on one step at a time). In memory by default; src/server/state/redis-handoff-store.ts shares them.
 */
export interface HandoffStore {
  save(digest: string, record: HandoffRecord): Promise<void>;
  find(digest: string): Promise<HandoffRecord | undefined>;
  /** The digest of the instance's live link, if one was set (whether it still lives is the link's to say). */
  live(instance: string): Promise<string | undefined>;
  /** Names the live link for `ttlMs` (its lifetime), or none. */
  setLive(instance: string, digest: string | null, ttlMs: number): Promise<void>;
}

/** How long a link's record is kept: its lifetime and the afterlife. Relative, so any clock works. */
export const recordTtlMs = (record: HandoffRecord): number => Math.max(1, record.expiresAt - record.createdAt + HANDOFF_AFTERLIFE_MS);

/** Most links kept at once in memory; each operator makes a handful an hour, so this is never near. */
const MAX_LINKS = 10_000;

/** Memory bounded by a sweep (time is the links' own clock: the latest creation seen) and a cap. */
export function createMemoryHandoffStore(): HandoffStore {
  const links = new Map<string, HandoffRecord>();
  const lives = new Map<string, string>();
  let latest = 0;
  const sweep = () => {
    for (const [digest, record] of links) if (record.expiresAt + HANDOFF_AFTERLIFE_MS < latest) links.delete(digest);
    while (links.size > MAX_LINKS) {
      const oldest = links.keys().next();
      if (oldest.done) break;
      links.delete(oldest.value);
    }
  };
  return {
    save: (digest, record) => {
      latest = Math.max(latest, record.createdAt);
      links.delete(digest);
      links.set(digest, { ...record });
      sweep();
      return Promise.resolve();
    },
    find: (digest) => {
      const record = links.get(digest);
      return Promise.resolve(record ? { ...record } : undefined);
    },
    live: (instance) => Promise.resolve(lives.get(instance)),
    setLive: (instance, digest) => {
      // One entry per instance (a fixed set); the link it names says whether it still lives.
      if (digest === null) lives.delete(instance);
      else lives.set(instance, digest);
      return Promise.resolve();
    },
  };
}
