import { randomBytes } from 'node:crypto';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

/**
 * Timestamps of attempts under a key (wrong codes of one number, sign-in failures of one address,
 * budget spends of one instance). A shared store (Redis) implements the same calls so several proxy
 * processes agree; the in-memory one below is the default.
 */
export interface AttemptLog {
  /** Adds one attempt at `at` under `key`. */
  addAttempt(key: string, at: number): Promise<void>;
  /** The attempts under `key` at or after `since`, oldest first; older ones may be forgotten. */
  attemptsSince(key: string, since: number): Promise<number[]>;
  /** How many keys are held (memory checks); optional for shared stores. */
  size?(): number;
}

export interface MemoryAttemptLogOptions {
  /** Attempts older than this are forgotten (the longest window any caller looks at). */
  retentionMs?: number;
  /** Most keys kept; past it the least recently used are dropped first. */
  maxKeys?: number;
  /** Most attempts kept under one key (no limit looks further back than this many). */
  maxPerKey?: number;
}

/**
 * Memory bounded whatever callers send: expired attempts are swept as attempts arrive (time is the
 * callers' clock, from `at`), the number of keys is capped (least recently used dropped first) and
 * so is each key's list. An attacker rotating keys can only push out the oldest keys, never grow it.
 */
export function createMemoryAttemptLog(options: MemoryAttemptLogOptions = {}): AttemptLog {
  const retentionMs = options.retentionMs ?? 60 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 50_000;
  const maxPerKey = options.maxPerKey ?? 1_000;
  const attempts = new Map<string, number[]>();
  let latest = 0;
  let sinceSweep = 0;

  function sweep(): void {
    sinceSweep = 0;
    for (const [key, list] of attempts) {
      const last = list[list.length - 1];
      if (last === undefined || last < latest - retentionMs) attempts.delete(key);
    }
  }

  return {
    addAttempt: (key, at) => {
      latest = Math.max(latest, at);
      const list = (attempts.get(key) ?? []).filter((seen) => seen >= latest - retentionMs);
      // Kept oldest first, whatever order concurrent callers add in.
      const place = list.findLastIndex((seen) => seen <= at) + 1;
      list.splice(place, 0, at);
      if (list.length > maxPerKey) list.splice(0, list.length - maxPerKey);
      // Re-inserted at the end, so the map's order is least recently used first.
      attempts.delete(key);
      attempts.set(key, list);
      sinceSweep += 1;
      if (sinceSweep >= 1_000 || attempts.size > maxKeys) sweep();
      while (attempts.size > maxKeys) {
        const oldest = attempts.keys().next();
        if (oldest.done) break;
        attempts.delete(oldest.value);
      }
      return Promise.resolve();
    },
    attemptsSince: (key, since) => {
      const recent = (attempts.get(key) ?? []).filter((at) => at >= since);
      // Forgetting what no window can see any more keeps the map from growing without bound.
      if (recent.length === 0) attempts.delete(key);
      else attempts.set(key, recent);
      return Promise.resolve(recent);
    },
    size: () => attempts.size,
  };
}

/**
 * One sorted set per key, scored by time; each add trims what is older than `retentionMs` and renews
 * the set's TTL to `retentionMs`, in one transaction. The key is hashed (it may name a number or an address).
 */
export function createRedisAttemptLog(state: RedisState, kind: string, retentionMs: number): AttemptLog {
  return {
    addAttempt: (key, at) =>
      state.run(async (redis) => {
        const name = state.key(kind, hashedName(key));
        // A random suffix keeps two attempts in the same millisecond apart.
        const member = `${at}:${randomBytes(4).toString('hex')}`;
        const results = await redis.multi().zadd(name, at, member).zremrangebyscore(name, '-inf', `(${at - retentionMs}`).pexpire(name, retentionMs).exec();
        const failed = results?.find(([error]) => error !== null);
        if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
      }),
    attemptsSince: (key, since) =>
      state.run(async (redis) => {
        const scores = await redis.zrangebyscore(state.key(kind, hashedName(key)), since, '+inf', 'WITHSCORES');
        return scores.filter((_, index) => index % 2 === 1).map(Number);
      }),
  };
}
