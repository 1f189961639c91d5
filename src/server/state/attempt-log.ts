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
  /**
   * In one atomic step: when fewer than `limit` attempts under `key` lie at or after `since`, the call
   * is admitted (and counted at `at` when `count`); otherwise it is not, and `oldest` is the attempt
   * whose expiry admits the next one. Processes racing on one key cannot all slip under the limit.
   */
  admit(key: string, gate: AdmissionGate): Promise<Admission>;
  /** How many keys are held (memory checks); optional for shared stores. */
  size?(): number;
}

export interface AdmissionGate {
  at: number;
  since: number;
  limit: number;
  /** Whether an admitted call counts as an attempt (a wrong credential does, a right one does not). */
  count: boolean;
}

export type Admission = { admitted: true } | { admitted: false; oldest: number };

/** The attempt whose expiry frees a place, among `recent` (oldest first) when `limit` are taken. */
export function admissionOf(recent: readonly number[], limit: number): Admission {
  const oldest = recent[recent.length - limit];
  return recent.length >= limit && oldest !== undefined ? { admitted: false, oldest } : { admitted: true };
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

  function add(key: string, at: number): void {
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
  }

  function since(key: string, from: number): number[] {
    const recent = (attempts.get(key) ?? []).filter((at) => at >= from);
    // Forgetting what no window can see any more keeps the map from growing without bound.
    if (recent.length === 0) attempts.delete(key);
    else attempts.set(key, recent);
    return recent;
  }

  return {
    addAttempt: (key, at) => Promise.resolve(add(key, at)),
    attemptsSince: (key, from) => Promise.resolve(since(key, from)),
    admit: (key, gate) => {
      // One synchronous step: no other call runs between the look and the count.
      const admission = admissionOf(since(key, gate.since), gate.limit);
      if (admission.admitted && gate.count) add(key, gate.at);
      return Promise.resolve(admission);
    },
    size: () => attempts.size,
  };
}

/** Adds, trims what is older than the retention and renews the TTL in one step. ARGV: at, member, oldest kept, ms. */
const addScript =
  "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3]) redis.call('PEXPIRE', KEYS[1], ARGV[4]) return 1";

/**
 * Trims what is older than the retention, counts the window, and either names the attempt holding the
 * place (the limit-th newest) or admits, adding the attempt when ARGV[4] names a member.
 * KEYS[1] the set; ARGV: at, since, limit, member or '', retention ms.
 */
const admitScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (tonumber(ARGV[1]) - tonumber(ARGV[5])))
local limit = tonumber(ARGV[3])
local seen = redis.call('ZCOUNT', KEYS[1], ARGV[2], '+inf')
if seen >= limit then
  local holder = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], '+inf', 'WITHSCORES', 'LIMIT', seen - limit, 1)
  return holder[2]
end
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
return false`;

/**
 * One sorted set per key, scored by time; each add trims what is older than `retentionMs` and renews
 * the set's TTL to `retentionMs`, in one script. The key is hashed (it may name a number or an address).
 */
export function createRedisAttemptLog(state: RedisState, kind: string, retentionMs: number): AttemptLog {
  // A random suffix keeps two attempts in the same millisecond apart.
  const member = (at: number) => `${at}:${randomBytes(4).toString('hex')}`;
  return {
    addAttempt: (key, at) =>
      state.run(async (redis) => {
        // One script, not a MULTI: it rides in the same round trip as the call's other writes.
        await redis.eval(addScript, 1, state.key(kind, hashedName(key)), at, member(at), at - retentionMs, retentionMs);
      }),
    attemptsSince: (key, since) => state.scoresSince(state.key(kind, hashedName(key)), since),
    admit: (key, gate) =>
      state.run(async (redis) => {
        const answer = await redis.eval(admitScript, 1, state.key(kind, hashedName(key)), gate.at, gate.since, gate.limit, gate.count ? member(gate.at) : '', retentionMs);
        // Nil: admitted; otherwise the score of the attempt that holds the place.
        if (answer === null) return { admitted: true };
        const oldest = Number(answer);
        if (!Number.isFinite(oldest)) throw new Error('unexpected admission answer');
        return { admitted: false, oldest };
      }),
  };
}
