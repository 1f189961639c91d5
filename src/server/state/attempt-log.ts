import { randomBytes } from 'node:crypto';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

/**
 * Times of attempts under a key (wrong codes of one number, failed sign-ins from one address). What
 * no window can see any more is forgotten, so the log never grows without bound.
 */
export interface AttemptLog {
  /** Adds one attempt at `at` under `key`, kept for `keepMs`. */
  add(key: string, at: number, keepMs: number): Promise<void>;
  /** The attempts under `key` at or after `since`, oldest first; older ones may be forgotten. */
  since(key: string, since: number): Promise<number[]>;
}

export function createMemoryAttemptLog(): AttemptLog {
  const attempts = new Map<string, number[]>();
  return {
    add: (key, at) => {
      const list = attempts.get(key) ?? [];
      list.push(at);
      attempts.set(key, list);
      return Promise.resolve();
    },
    since: (key, since) => {
      const recent = (attempts.get(key) ?? []).filter((at) => at >= since).sort((x, y) => x - y);
      // Forgetting what no window can see any more keeps the map from growing without bound.
      if (recent.length === 0) attempts.delete(key);
      else attempts.set(key, recent);
      return Promise.resolve(recent);
    },
  };
}

/**
 * One sorted set per key, scored by time; each add trims what is older than `keepMs` and renews
 * the set's TTL to `keepMs`, in one transaction. The key is hashed (it may name a number or an address).
 */
export function createRedisAttemptLog(state: RedisState, kind: string): AttemptLog {
  return {
    add: (key, at, keepMs) =>
      state.run(async (redis) => {
        const name = state.key(kind, hashedName(key));
        // A random suffix keeps two attempts in the same millisecond apart.
        const member = `${at}:${randomBytes(4).toString('hex')}`;
        const results = await redis.multi().zadd(name, at, member).zremrangebyscore(name, '-inf', `(${at - keepMs}`).pexpire(name, keepMs).exec();
        const failed = results?.find(([error]) => error !== null);
        if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
      }),
    since: (key, since) =>
      state.run(async (redis) => {
        const scores = await redis.zrangebyscore(state.key(kind, hashedName(key)), since, '+inf', 'WITHSCORES');
        return scores.filter((_, index) => index % 2 === 1).map(Number);
      }),
  };
}
