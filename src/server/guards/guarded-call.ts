import { createHash } from 'node:crypto';
import { errorBodySchema, type ErrorCode } from '../../contract/errors';
import type { ProviderMemory } from '../../providers/types';
import { systemClock, type Clock } from '../../fake-provider/clock';
import { operations, type OperationInput, type OperationName } from '../../contract/operations';
import { errorReply, handleApiCall, parseInput, refusalReply, type ApiReply } from '../../gateway/api-call';
import { runOperation, type RunContext } from '../../gateway/run-operation';
import { maskNumber } from '../logger';
import { phoneRefusal } from './phone-numbers';
import { afterBudgetedCall, budgetedOperations, budgetRefusal, spendBudgets } from './budgets';
import { createMemoryProviderMemoryStore, type ProviderMemoryStore } from '../state/provider-memory-store';
import { settled, type Settled } from '../state/call-coordination';
import { StateUnavailableError } from '../state/state-unavailable';
import type { EnteredBy } from '../../contract/journey';
import { callEvents, recordedOperations, type CallEnd } from '../../gateway/timeline-events';
import type { TimelineStore } from '../timeline/timeline-store';
import type { FlowRecord } from '../../flow/journey-record';
import { createMemoryFlowStateStore, type FlowStateStore } from './flow-state-store';
import { defaultGuardLimits, HOUR_MS, type GuardLimits } from '../../flow/limits';
import { afterCall, guardedOperations, numberOf, refusal, type AttemptKind, type GuardFacts, type Refusal } from '../../flow/registration-rules';

export interface GuardOptions {
  store?: FlowStateStore;
  /** The provider adapters' memory per instance (the appeal token). */
  memory?: ProviderMemoryStore;
  clock?: Clock;
  limits?: GuardLimits;
  /** Where every call's events are kept (the onboarding timeline); none when absent. */
  timeline?: TimelineStore;
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
  /** Who typed what the call carries: the operator, or the number's owner through a hand-off link. */
  by?: EnteredBy,
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

  /** Keeps the call's events, in order; the number is the one the call concerned, masked by the event. */
  function record(instanceKey: string, name: OperationName, input: unknown, end: CallEnd, number: string | null, journey: FlowRecord | undefined, by: EnteredBy, at: number): Promise<unknown> {
    const timeline = options.timeline;
    if (!timeline || !recordedOperations[name]) return Promise.resolve();
    return Promise.all(callEvents(name, input, end, { at, number, step: journey?.step ?? 'none', by }).map((event) => timeline.append(instanceKey, event)));
  }

  /**
   * Everything the refusal needs, read in as few round trips as a shared store allows: the record,
   * the provider memory and, when the body names the number, its hourly attempts go out together.
   */
  async function readFacts(instanceKey: string, name: OperationName, input: unknown, now: number): Promise<{ before: GuardFacts; memory: ProviderMemory }> {
    const registration = guardedOperations.has(name);
    const hourlyOf = (number: string | null) =>
      registration && number !== null ? hourlyAttempts(instanceKey, number, now) : Promise.resolve(noAttempts);
    const named = numberOf(name, input, undefined);
    const [record, memory, early] = await Promise.all([store.read(instanceKey), providerMemory.read(instanceKey), hourlyOf(named)]);
    const number = numberOf(name, input, record);
    const hourly = number === named ? early : await hourlyOf(number);
    return { before: { record, now, hourly }, memory };
  }

  async function hourlyAttempts(instanceKey: string, number: string, now: number): Promise<GuardFacts['hourly']> {
    const [codeRequests = [], wrongCodes = [], wrongPins = []] = await Promise.all(
      attemptKinds.map((kind) => store.attemptsSince(attemptKey(instanceKey, kind, number), now - HOUR_MS)),
    );
    return { 'code-request': codeRequests, 'wrong-code': wrongCodes, 'wrong-pin': wrongPins };
  }

  /** What a refusal looks at, read before the call's turn is known to be taken (see CallCoordination). */
  interface Before {
    facts: { before: GuardFacts; memory: ProviderMemory };
    budgetRefused: Refusal | null;
  }

  async function read(instanceKey: string, name: OperationName, input: unknown): Promise<Before> {
    const started = clock.now();
    const [facts, budgetRefused] = await Promise.all([readFacts(instanceKey, name, input, started), budgetRefusal(store, instanceKey, name, started, limits)]);
    return { facts, budgetRefused };
  }

  async function guarded(
    instanceKey: string,
    name: OperationName,
    input: OperationInput<OperationName>,
    { facts: { before, memory }, budgetRefused }: Before,
    context: RunContext,
    log: RefusalLog | undefined,
    signal: AbortSignal | undefined,
    by: EnteredBy,
  ): Promise<Settled> {
    // The client left while the call waited its turn: it is not sent and counts for nothing.
    if (signal?.aborted) return settled(errorReply('UPSTREAM_UNAVAILABLE'));
    const registration = guardedOperations.has(name);
    const refused = (registration ? refusal(name, input, before, limits) : null) ?? budgetRefused;
    if (refused) {
      // One line per refusal, with the number masked; never the body (it may hold a code or a PIN).
      const number = numberOf(name, input, before.record);
      log?.warn({ operation: name, refusal: refused.code, number: number === null ? null : maskNumber(number) }, 'guard refused');
      options.onRefusal?.(name, refused.code);
      return settled(refusalReply(refused), record(instanceKey, name, input, { ok: false, refused: true, code: refused.code }, number, before.record, by, before.now));
    }
    await spendBudgets(store, instanceKey, name, before.now, limits);
    const remembered = JSON.stringify(memory);
    // The adapter reads and extends this instance's memory; what changed is kept for the next call.
    const result = await runOperation(name, input, { ...context, memory }, signal);
    const now = clock.now();
    // The writes are independent of each other: they go out together, and the turn ends with them.
    const writes: Array<Promise<unknown>> = [];
    if (JSON.stringify(memory) !== remembered) writes.push(providerMemory.write(instanceKey, memory));
    if (result.ok) writes.push(afterBudgetedCall(store, instanceKey, name, result.value, now));
    let journey = before.record;
    if (registration) {
      const after = afterCall(name, input, result, { ...before, now }, limits);
      const next = after.record;
      if (next) {
        // A code or PIN that reached the provider: the console says who typed it.
        journey = entered.has(name) && result.ok ? { ...next, lastEntry: { by, at: now } } : next;
        writes.push(store.write(instanceKey, journey));
        for (const kind of after.attempts) writes.push(store.addAttempt(attemptKey(instanceKey, kind, next.number), now));
      }
    }
    const end: CallEnd = result.ok ? result : { ok: false, refused: false, code: result.code };
    writes.push(record(instanceKey, name, input, end, numberOf(name, input, journey), journey, by, now));
    return settled(result.ok ? { status: 200, body: result.value } : errorReply(result.code), Promise.all(writes));
  }

  return async (instanceKey, name, rawBody, context, log, signal, by = 'operator') => {
    if (!guardedOperations.has(name) && !budgetedOperations.has(name)) {
      const reply = await handleApiCall(name, rawBody, context, signal);
      if (options.timeline && recordedOperations[name] && reply.status !== 400) {
        const journey = await store.read(instanceKey);
        const end: CallEnd = reply.status === 200 ? { ok: true, value: reply.body } : { ok: false, refused: false, code: codeOf(reply.body) };
        await record(instanceKey, name, rawBody, end, journey?.number ?? null, journey, by, clock.now());
      }
      return reply;
    }
    const parsed = parseInput(operations[name].request, rawBody);
    if (!parsed.ok) return parsed.reply;
    const invalidNumber = phoneRefusal(parsed.input);
    if (invalidNumber) return invalidNumber;
    // Only a digest of the body is kept as the key: it may hold a code or a PIN.
    const key = `${instanceKey}\u0000${name}\u0000${createHash('sha256').update(JSON.stringify(parsed.input)).digest('base64url')}`;
    try {
      return await store.turn(
        instanceKey,
        key,
        () => read(instanceKey, name, parsed.input),
        (before) => guarded(instanceKey, name, parsed.input, before, context, log, signal, by),
      );
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      log?.error({ operation: name, reason: error.reason }, 'shared state unavailable');
      return errorReply('STATE_UNAVAILABLE');
    }
  };
}

/** The calls that carry what someone typed to move the journey on. */
const entered: ReadonlySet<OperationName> = new Set<OperationName>(['confirmCode', 'confirmPin']);

function codeOf(body: unknown): ErrorCode {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.code : 'INTERNAL';
}

function attemptKey(instanceKey: string, kind: AttemptKind, number: string): string {
  return `${instanceKey}\u0000${kind}\u0000${number}`;
}
