import type { FlowRecord } from '../../flow/journey-record';
import { createMemoryAttemptLog, type AttemptLog, type MemoryAttemptLogOptions } from '../state/attempt-log';
import { createMemoryCoordination, type CallCoordination } from '../state/call-coordination';

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
