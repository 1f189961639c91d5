import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../contract/errors';
import { systemClock, type Clock } from '../../fake-provider/clock';
import { operations, type OperationInput, type OperationName } from '../../contract/operations';
import { errorReply, handleApiCall, parseInput, type ApiReply } from '../../gateway/api-call';
import { runOperation, type RunContext } from '../../gateway/run-operation';
import { maskNumber } from '../logger';
import { phoneRefusal } from './phone-numbers';
import { afterBudgetedCall, budgetedOperations, budgetRefusal, spendBudgets } from './budgets';
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
  /** Told of each refusal (the metrics count them by operation and reason). */
  onRefusal?: (operation: OperationName, reason: ErrorCode) => void;
}

/** Where refusals are reported (a request's logger); the number in it is masked. */
export interface RefusalLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Runs one API call for one instance, or refuses it before the provider is asked. `signal` aborts
 * when the client has gone: a call still queued is then never sent.
 */
export type GuardedCall = (
  instanceKey: string,
  name: OperationName,
  rawBody: unknown,
  context: RunContext,
  log?: RefusalLog,
  signal?: AbortSignal,
) => Promise<ApiReply>;

const attemptKinds: readonly AttemptKind[] = ['code-request', 'wrong-code', 'wrong-pin'];
const noAttempts: GuardFacts['hourly'] = { 'code-request': [], 'wrong-code': [], 'wrong-pin': [] };

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
    signal: AbortSignal | undefined,
  ): Promise<ApiReply> {
    // The client left while the call waited its turn: it is not sent and counts for nothing.
    if (signal?.aborted) return errorReply('UPSTREAM_UNAVAILABLE');
    const registration = guardedOperations.has(name);
    const before = registration ? await facts(instanceKey, name, input) : { record: await store.read(instanceKey), now: clock.now(), hourly: noAttempts };
    const refused = (registration ? refusal(name, input, before, limits) : null) ?? (await budgetRefusal(store, instanceKey, name, before.now, limits));
    if (refused) {
      // One line per refusal, with the number masked; never the body (it may hold a code or a PIN).
      const number = numberOf(name, input, before.record);
      log?.warn({ operation: name, refusal: refused.code, number: number === null ? null : maskNumber(number) }, 'guard refused');
      options.onRefusal?.(name, refused.code);
      return 'retryAfterSeconds' in refused ? errorReply(refused.code, { retryAfterSeconds: refused.retryAfterSeconds }) : errorReply(refused.code);
    }
    await spendBudgets(store, instanceKey, name, before.now, limits);
    const memory = await providerMemory.read(instanceKey);
    const remembered = JSON.stringify(memory);
    // The adapter reads and extends this instance's memory; what changed is kept for the next call.
    const result = await runOperation(name, input, { ...context, memory }, signal);
    if (JSON.stringify(memory) !== remembered) await providerMemory.write(instanceKey, memory);
    const now = clock.now();
    if (result.ok) await afterBudgetedCall(store, instanceKey, name, result.value, now);
    if (registration) {
      const after = afterCall(name, input, result, { ...before, now }, limits);
      if (after.record) {
        await store.write(instanceKey, after.record);
        for (const kind of after.attempts) await store.addAttempt(attemptKey(instanceKey, kind, after.record.number), now);
      }
    }
    return result.ok ? { status: 200, body: result.value } : errorReply(result.code);
  }

  return async (instanceKey, name, rawBody, context, log, signal) => {
    if (!guardedOperations.has(name) && !budgetedOperations.has(name)) return handleApiCall(name, rawBody, context, signal);
    const parsed = parseInput(operations[name].request, rawBody);
    if (!parsed.ok) return parsed.reply;
    const invalidNumber = phoneRefusal(parsed.input);
    if (invalidNumber) return invalidNumber;
    // Only a digest of the body is kept as the key: it may hold a code or a PIN.
    const key = `${instanceKey}\u0000${name}\u0000${createHash('sha256').update(JSON.stringify(parsed.input)).digest('base64url')}`;
    try {
      return await store.collapse(key, () => store.exclusive(instanceKey, () => guarded(instanceKey, name, parsed.input, context, log, signal)));
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
