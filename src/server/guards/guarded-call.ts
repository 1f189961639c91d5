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
import { StateUnavailableError } from '../state/state-unavailable';
import type { EnteredBy } from '../../contract/journey';
import { openSignInGate, type SignInGate } from '../sign-in-gate';
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

/** What a call knows of the request that carries it. */
export interface CallOptions {
  /** Where refusals and unsaved writes are reported. */
  log?: RefusalLog;
  /** Aborts when the client has gone: a call still queued is then never sent. */
  signal?: AbortSignal;
  /** Who typed what the call carries: the operator, or the number's owner through a hand-off link. */
  by?: EnteredBy;
  /**
   * The request's sign-in admission, when it was left to the call (see operator-auth.ts): asked in the
   * same round trip as the call's turn, and known before the provider is asked.
   */
  signInGate?: SignInGate;
}

/** Runs one API call for one instance, or refuses it before the provider is asked. */
export type GuardedCall = (instanceKey: string, name: OperationName, rawBody: unknown, context: RunContext, options?: CallOptions) => Promise<ApiReply>;

/** A call the request's own sign-in refusal stopped before the provider was asked. */
class SignInRefused extends Error {}

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
    { log, signal, by = 'operator', signInGate = openSignInGate }: CallOptions,
  ): Promise<ApiReply> {
    // A caller refused at sign-in learns nothing and spends nothing: the provider is not asked.
    if (await signInGate()) throw new SignInRefused();
    // The client left while the call waited its turn: it is not sent and counts for nothing.
    if (signal?.aborted) return errorReply('UPSTREAM_UNAVAILABLE');
    const registration = guardedOperations.has(name);
    const refused = (registration ? refusal(name, input, before, limits) : null) ?? budgetRefused;
    if (refused) {
      // One line per refusal, with the number masked; never the body (it may hold a code or a PIN).
      const number = numberOf(name, input, before.record);
      log?.warn({ operation: name, refusal: refused.code, number: number === null ? null : maskNumber(number) }, 'guard refused');
      options.onRefusal?.(name, refused.code);
      unsaved(name, log, record(instanceKey, name, input, { ok: false, refused: true, code: refused.code }, number, before.record, by, before.now));
      return refusalReply(refused);
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
    unsaved(name, log, Promise.all(writes));
    return result.ok ? { status: 200, body: result.value } : errorReply(result.code);
  }

  return async (instanceKey, name, rawBody, context, callOptions = {}) => {
    const { log, signal, by = 'operator', signInGate = openSignInGate } = callOptions;
    if (!guardedOperations.has(name) && !budgetedOperations.has(name)) {
      const refusedAtSignIn = await signInGate();
      if (refusedAtSignIn) return refusedAtSignIn;
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
    // Only a digest of the body is kept as the key: it may hold a code or a PIN.
    const key = `${instanceKey}\u0000${name}\u0000${createHash('sha256').update(JSON.stringify(parsed.input)).digest('base64url')}`;
    for (;;) {
      try {
        const reply = await store.turn(
          instanceKey,
          key,
          async () => {
            // Asked with the turn and its reads, in the same round trip to a shared store.
            void signInGate();
            const facts = read(instanceKey, name, parsed.input);
            facts.catch(() => undefined);
            // The number's exact check takes a fifth of a millisecond: it runs while that round trip is out
            // (the turn is written at once, the reads at the end of this tick's microtasks, before this).
            await new Promise((resolve) => setImmediate(resolve));
            return { ...(await facts), invalidNumber: phoneRefusal(parsed.input) };
          },
          ({ invalidNumber, ...before }) => (invalidNumber ? Promise.resolve(invalidNumber) : guarded(instanceKey, name, parsed.input, before, context, callOptions)),
        );
        // An identical call in flight answered for this one too: this caller's own sign-in still decides.
        return (await signInGate()) ?? reply;
      } catch (error) {
        if (error instanceof SignInRefused) {
          // Refused is the caller that ran the turn; one that shared it, and was admitted, runs it again.
          const refused = await signInGate().catch(() => errorReply('STATE_UNAVAILABLE'));
          if (refused) return refused;
          continue;
        }
        if (!(error instanceof StateUnavailableError)) throw error;
        log?.error({ operation: name, reason: error.reason }, 'shared state unavailable');
        return errorReply('STATE_UNAVAILABLE');
      }
    }
  };
}

/**
 * The turn answers without waiting for its writes to be acknowledged (see call-coordination.ts): one
 * that fails is reported here. The reply stands; the next call reads what the store holds.
 */
function unsaved(name: OperationName, log: RefusalLog | undefined, writes: Promise<unknown>): void {
  writes.catch((error: unknown) => {
    log?.error({ operation: name, reason: error instanceof StateUnavailableError ? error.reason : 'write failed' }, 'call not saved');
  });
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
