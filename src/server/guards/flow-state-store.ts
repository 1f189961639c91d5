import type { DeliveryMethod } from '../../contract/common';

/**
 * Where a registration journey is, per instance, as the proxy saw it. It holds no secret: no code,
 * no PIN, no captcha answer, no appeal token (that one stays in the provider memory).
 */
export interface FlowRecord extends NumberWaits {
  /** `ddi:phone` of the number whose availability was checked last. */
  number: string;
  step: 'available' | 'captcha' | 'pin' | 'transfer' | 'banned' | 'connected' | 'closed';
  /** The method asked for when the provider answered with a captcha. */
  captchaMethod: DeliveryMethod | null;
  /** Answers tried against the current captcha. */
  captchaAnswers: number;
  wrongPins: number;
  /**
   * The waits of numbers checked before this one, by `ddi:phone`, kept until they end: checking
   * another number never resets a number's wait, its outstanding code or its wrong-code count.
   */
  parked: Record<string, NumberWaits>;
  /** When each number checked in the last hour was first checked (the distinct-number budget). */
  checked: Record<string, number>;
}

/** What belongs to one number rather than to the journey: its waits and its outstanding code. */
export interface NumberWaits {
  /** Epoch ms from which each method may be requested; null when the provider said it cannot be. */
  deadlines: Record<DeliveryMethod, number | null>;
  /** After a code went out (or may have), no method may be requested before this. */
  resendAt: number;
  sentMethod: DeliveryMethod | null;
  /** When the current code was issued (or may have been); null when none is outstanding. */
  codeIssuedAt: number | null;
  wrongCodes: number;
}

/**
 * The proxy's memory of journeys and attempts. The in-memory store is the default; a shared store
 * (Redis, a database) implements the same four calls so that several proxy processes agree.
 */
export interface FlowStateStore {
  read(instanceKey: string): Promise<FlowRecord | undefined>;
  write(instanceKey: string, record: FlowRecord): Promise<void>;
  /** Adds one attempt at `at` under `key` (e.g. wrong codes of one number on one instance). */
  addAttempt(key: string, at: number): Promise<void>;
  /** The attempts under `key` at or after `since`, oldest first; older ones may be forgotten. */
  attemptsSince(key: string, since: number): Promise<number[]>;
  /** How many attempt logs are held (memory checks); optional for shared stores. */
  size?(): number;
}

export interface MemoryStoreOptions {
  /** Attempts older than this are forgotten (the longest window any limit looks at). */
  retentionMs?: number;
  /** Most attempt logs kept; past it the least recently used are dropped first. */
  maxKeys?: number;
  /** Most attempts kept in one log (no limit looks further back than this many). */
  maxPerKey?: number;
}

/**
 * The in-memory store. Its memory is bounded whatever callers send: logs are swept of expired
 * attempts as attempts arrive (time is the callers' clock, from `at`), the number of logs is capped
 * (least recently used dropped first) and so is each log's length. Records are one per instance.
 */
export function createMemoryFlowStateStore(options: MemoryStoreOptions = {}): FlowStateStore {
  const retentionMs = options.retentionMs ?? 60 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 50_000;
  const maxPerKey = options.maxPerKey ?? 1_000;
  const records = new Map<string, FlowRecord>();
  const attempts = new Map<string, number[]>();
  let latest = 0;
  let sinceSweep = 0;

  function sweep(now: number): void {
    sinceSweep = 0;
    for (const [key, list] of attempts) {
      const last = list[list.length - 1];
      if (last === undefined || last < now - retentionMs) attempts.delete(key);
    }
  }

  return {
    read: (instanceKey) => Promise.resolve(records.get(instanceKey)),
    write: (instanceKey, record) => {
      records.set(instanceKey, record);
      return Promise.resolve();
    },
    addAttempt: (key, at) => {
      latest = Math.max(latest, at);
      const list = (attempts.get(key) ?? []).filter((seen) => seen >= latest - retentionMs);
      list.push(at);
      if (list.length > maxPerKey) list.splice(0, list.length - maxPerKey);
      // Re-inserted at the end, so the map's order is least recently used first.
      attempts.delete(key);
      attempts.set(key, list);
      sinceSweep += 1;
      if (sinceSweep >= 1_000 || attempts.size > maxKeys) sweep(latest);
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
