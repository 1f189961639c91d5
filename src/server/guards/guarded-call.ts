import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../../fake-provider/clock';
import { operations, type OperationInput, type OperationName } from '../../contract/operations';
import { errorReply, handleApiCall, parseInput, type ApiReply } from '../../gateway/api-call';
import { runOperation, type RunContext } from '../../gateway/run-operation';
import { maskNumber } from '../logger';
import { createMemoryProviderMemoryStore, type ProviderMemoryStore } from '../state/provider-memory-store';
import { StateUnavailableError } from '../state/state-unavailable';
import { createMemoryFlowStateStore, type FlowStateStore } from './flow-state-store';
import { defaultGuardLimits, HOUR_MS, type GuardLimits } from './limits';
import { afterCall, guardedOperations, numberOf, refusal, type AttemptKind, type GuardFacts } from './registration-rules';

export interface GuardOptions {
  store?: FlowStateStore;
  /** The provider adapters' memory per instance (the appeal token). */
  memory?: ProviderMemoryStore;
  clock?: Clock;
  limits?: GuardLimits;
}

/** Where refusals are reported (a request's logger); the number in it is masked. */
export interface RefusalLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** Runs one API call for one instance, or refuses it before the provider is asked. */
export type GuardedCall = (
  instanceKey: string,
  name: OperationName,
  rawBody: unknown,
  context: RunContext,
  log?: RefusalLog,
) => Promise<ApiReply>;

const attemptKinds: readonly AttemptKind[] = ['code-request', 'wrong-code', 'wrong-pin'];

/**
 * The registration guards: step order, provider waits, attempt limits, and one upstream call for
 * identical calls in flight. Calls for one instance run one at a time (across processes when the
 * store is shared), so counters stay exact even when a browser (or anyone) fires many at once. When
 * the store cannot be reached the call fails closed: 503 STATE_UNAVAILABLE, and the provider is not asked.
 */
export function createGuardedCall(options: GuardOptions = {}): GuardedCall {
  const store = options.store ?? createMemoryFlowStateStore();
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? defaultGuardLimits;
  const providerMemory = options.memory ?? createMemoryProviderMemoryStore();

  async function facts(instanceKey: string, name: OperationName, input: unknown): Promise<GuardFacts> {
    const record = await store.read(instanceKey);
    const now = clock.now();
    const number = numberOf(name, input, record);
    const hourly: GuardFacts['hourly'] = { 'code-request': [], 'wrong-code': [], 'wrong-pin': [] };
    if (number !== null) {
      for (const kind of attemptKinds) hourly[kind] = await store.attemptsSince(attemptKey(instanceKey, kind, number), now - HOUR_MS);
    }
    return { record, now, hourly };
  }

  async function guarded(
    instanceKey: string,
    name: OperationName,
    input: OperationInput<OperationName>,
    context: RunContext,
    log: RefusalLog | undefined,
  ): Promise<ApiReply> {
    const before = await facts(instanceKey, name, input);
    const refused = refusal(name, input, before, limits);
    if (refused) {
      const number = numberOf(name, input, before.record);
      log?.warn({ operation: name, refusal: refused.code, number: number === null ? null : maskNumber(number) }, 'guard refused');
      return refused.code === 'RATE_LIMITED'
        ? errorReply('RATE_LIMITED', { retryAfterSeconds: refused.retryAfterSeconds })
        : errorReply(refused.code);
    }
    const memory = await providerMemory.read(instanceKey);
    const remembered = JSON.stringify(memory);
    // The adapter reads and extends this instance's memory; what changed is kept for the next call.
    const result = await runOperation(name, input, { ...context, memory });
    if (JSON.stringify(memory) !== remembered) await providerMemory.write(instanceKey, memory);
    const after = afterCall(name, input, result, { ...before, now: clock.now() }, limits);
    if (after.record) {
      await store.write(instanceKey, after.record);
      for (const kind of after.attempts) await store.addAttempt(attemptKey(instanceKey, kind, after.record.number), clock.now());
    }
    return result.ok ? { status: 200, body: result.value } : errorReply(result.code);
  }

  return async (instanceKey, name, rawBody, context, log) => {
    if (!guardedOperations.has(name)) return handleApiCall(name, rawBody, context);
    const parsed = parseInput(operations[name].request, rawBody);
    if (!parsed.ok) return parsed.reply;
    // Only a digest of the body is kept as the key: it may hold a code or a PIN.
    const key = `${instanceKey}\u0000${name}\u0000${createHash('sha256').update(JSON.stringify(parsed.input)).digest('base64url')}`;
    try {
      return await store.collapse(key, () => store.exclusive(instanceKey, () => guarded(instanceKey, name, parsed.input, context, log)));
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      log?.error({ operation: name, reason: error.reason }, 'shared state unavailable');
      return errorReply('STATE_UNAVAILABLE');
    }
  };
}

function attemptKey(instanceKey: string, kind: AttemptKind, number: string): string {
  return `${instanceKey}\u0000${kind}\u0000${number}`;
}
