import type { DeliveryMethod } from '../../contract/common';
import { createMemoryAttemptLog, type AttemptLog, type MemoryAttemptLogOptions } from '../state/attempt-log';
import { createMemoryCoordination, type CallCoordination } from '../state/call-coordination';

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
 * The proxy's memory of journeys and attempts, and how calls for one instance take turns. The
 * in-memory store is the default; the Redis store (src/server/state/) implements the same calls so
 * that several proxy processes agree.
 */
export interface FlowStateStore extends AttemptLog, CallCoordination {
  read(instanceKey: string): Promise<FlowRecord | undefined>;
  write(instanceKey: string, record: FlowRecord): Promise<void>;
}

/**
 * Records are one per instance (a fixed set from the configuration); the attempt logs are the
 * bounded in-memory log (swept, capped), so memory does not grow with what callers send.
 */
export function createMemoryFlowStateStore(options: MemoryAttemptLogOptions = {}): FlowStateStore {
  const records = new Map<string, FlowRecord>();
  return {
    ...createMemoryAttemptLog(options),
    ...createMemoryCoordination(),
    read: (instanceKey) => Promise.resolve(records.get(instanceKey)),
    write: (instanceKey, record) => {
      records.set(instanceKey, record);
      return Promise.resolve();
    },
  };
}
