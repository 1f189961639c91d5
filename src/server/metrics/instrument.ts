import { performance } from 'node:perf_hooks';
import { UpstreamFailure, type RunContext } from '../../gateway/run-operation';
import type { FlowStateStore } from '../guards/flow-state-store';
import type { Metrics, StateStoreRecorder } from './metrics';

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * The request's run context with each provider call timed, labelled by the contract operation of
 * the route (never by the provider's path, which may hold a phone number).
 */
export function measuredContext(metrics: Metrics, context: RunContext, operation: string): RunContext {
  const provider = context.adapter.name;
  return {
    ...context,
    send: async (upstreamRequest, signal) => {
      const started = performance.now();
      try {
        const response = await context.send(upstreamRequest, signal);
        const outcome = response.status < 400 ? 'ok' : response.status < 500 ? 'http_4xx' : 'http_5xx';
        metrics.recordProviderCall(provider, operation, outcome, seconds(started));
        return response;
      } catch (error) {
        metrics.recordProviderCall(provider, operation, error instanceof UpstreamFailure ? error.code : 'UPSTREAM_UNAVAILABLE', seconds(started));
        throw error;
      }
    },
  };
}

async function timed<T>(record: StateStoreRecorder, operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    record(operation, seconds(started), true);
    return result;
  } catch (error) {
    record(operation, seconds(started), false);
    throw error;
  }
}

/** Any flow-state store (in memory or Redis) with each call's latency and failures recorded. */
export function measuredFlowStateStore(store: FlowStateStore, record: StateStoreRecorder): FlowStateStore {
  return {
    read: (instanceKey) => timed(record, 'read', () => store.read(instanceKey)),
    write: (instanceKey, value) => timed(record, 'write', () => store.write(instanceKey, value)),
    addAttempt: (key, at) => timed(record, 'addAttempt', () => store.addAttempt(key, at)),
    attemptsSince: (key, since) => timed(record, 'attemptsSince', () => store.attemptsSince(key, since)),
    // Taking turns spans the whole guarded call, so it is not a state-store latency.
    exclusive: (instanceKey, task) => store.exclusive(instanceKey, task),
    collapse: (key, task) => store.collapse(key, task),
  };
}
