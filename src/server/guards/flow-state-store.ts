import type { DeliveryMethod } from '../../contract/common';
import { createMemoryAttemptLog } from '../state/attempt-log';
import { createMemoryCoordination, type CallCoordination } from '../state/call-coordination';
import { HOUR_MS } from './limits';

/**
 * Where a registration journey is, per instance, as the proxy saw it. It holds no secret: no code,
 * no PIN, no captcha answer, no appeal token (that one stays in the provider memory).
 */
export interface FlowRecord {
  /** `ddi:phone` of the number whose availability was checked last. */
  number: string;
  step: 'available' | 'captcha' | 'pin' | 'transfer' | 'banned' | 'connected' | 'closed';
  /** Epoch ms from which each method may be requested; null when the provider said it cannot be. */
  deadlines: Record<DeliveryMethod, number | null>;
  /** After a code went out (or may have), no method may be requested before this. */
  resendAt: number;
  sentMethod: DeliveryMethod | null;
  /** The method asked for when the provider answered with a captcha. */
  captchaMethod: DeliveryMethod | null;
  /** When the current code was issued (or may have been); null when none is outstanding. */
  codeIssuedAt: number | null;
  wrongCodes: number;
  wrongPins: number;
}

/**
 * The proxy's memory of journeys and attempts, and how calls for one instance take turns. The
 * in-memory store is the default; the Redis store (src/server/state/) implements the same calls so
 * that several proxy processes agree.
 */
export interface FlowStateStore extends CallCoordination {
  read(instanceKey: string): Promise<FlowRecord | undefined>;
  write(instanceKey: string, record: FlowRecord): Promise<void>;
  /** Adds one attempt at `at` under `key` (e.g. wrong codes of one number on one instance). */
  addAttempt(key: string, at: number): Promise<void>;
  /** The attempts under `key` at or after `since`, oldest first; older ones may be forgotten. */
  attemptsSince(key: string, since: number): Promise<number[]>;
}

export function createMemoryFlowStateStore(): FlowStateStore {
  const records = new Map<string, FlowRecord>();
  const attempts = createMemoryAttemptLog();
  return {
    ...createMemoryCoordination(),
    read: (instanceKey) => Promise.resolve(records.get(instanceKey)),
    write: (instanceKey, record) => {
      records.set(instanceKey, record);
      return Promise.resolve();
    },
    addAttempt: (key, at) => attempts.add(key, at, HOUR_MS),
    attemptsSince: (key, since) => attempts.since(key, since),
  };
}
