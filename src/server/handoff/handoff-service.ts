import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handoffOwnerOperations, type HandoffOwnerOperationName, type HandoffSubmission, type HandoffView } from '../../contract/handoff';
import type { HandoffStep, Journey } from '../../contract/journey';
import type { OperationName } from '../../contract/operations';
import { codeConfirmationResultSchema, pinConfirmationResultSchema, pinRecoveryResultSchema } from '../../contract/registration';
import type { Clock } from '../../fake-provider/clock';
import { errorReply, parseInput, type ApiReply } from '../../gateway/api-call';
import type { RunContext } from '../../gateway/run-operation';
import { routeOf } from '../api-routes';
import { clientKey } from '../client-address';
import type { FlowRecord } from '../../flow/journey-record';
import type { FlowStateStore } from '../guards/flow-state-store';
import type { GuardedCall } from '../guards/guarded-call';
import { attemptsLeft, handoffStepNow } from '../../flow/journey-view';
import { HANDOFF_LIFETIME_MS, HOUR_MS, type GuardLimits } from '../../flow/limits';
import { secondsUntil } from '../../flow/deadlines';
import { maskNumber } from '../logger';
import { hashedName } from '../state/hashed-name';
import { timelineEvent } from '../../gateway/timeline-events';
import type { TimelineStore } from '../timeline/timeline-store';
import type { HandoffRecord, HandoffStore } from './handoff-store';

/** Links one instance may make per rolling hour (each is a capability handed to someone else). */
export const LINKS_PER_INSTANCE_PER_HOUR = 20;
/** Unknown tokens one client may try in LOOKUP_WINDOW_MS before every lookup answers 429. */
export const LOOKUP_FAILURES = 20;
export const LOOKUP_WINDOW_MS = 15 * 60 * 1000;

export interface HandoffOptions {
  store: FlowStateStore;
  handoffs: HandoffStore;
  timeline: TimelineStore;
  call: GuardedCall;
  clock: Clock;
  limits: GuardLimits;
  /** Who is asking, as the owner's page names it (BRAND_NAME); null names the product generically. */
  brand: string | null;
  instance: (alias: string) => RunContext | null;
}

/** The journey step a link would serve now, or null when the journey is at neither. */

const newToken = (): string => randomBytes(16).toString('base64url');

/**
 * Hand-off links: the operator makes (and revokes) a link for the step the journey is on; the
 * number's owner opens it and types the code or PIN, which goes through the same guarded call as
 * the operator's own entry, with the same counters. A link grants that one step and nothing else.
 */
export function createHandoffs(options: HandoffOptions) {
  const { store, handoffs, timeline, clock, limits } = options;

  async function note(instance: string, kind: 'handoff-created' | 'handoff-opened' | 'handoff-used' | 'handoff-revoked', link: HandoffRecord, by: 'operator' | 'owner', at: number) {
    const record = await store.read(instance);
    await timeline.append(instance, timelineEvent(kind, { at, number: link.number, step: record?.step ?? 'none', by }, kind.slice('handoff-'.length)));
  }

  /** The live link of the instance, as the journey answer shows it (never its token). */
  async function liveLink(instance: string, record: FlowRecord | undefined, now: number): Promise<Journey['handoff']> {
    const digest = await handoffs.live(instance);
    const link = digest === undefined ? undefined : await handoffs.find(digest);
    if (!link || link.status !== 'live' || link.expiresAt <= now || handoffStepNow(record, now, limits) !== link.step || record?.number !== link.number) return null;
    return { step: link.step, expiresAt: link.expiresAt, opened: link.opened };
  }

  /** Runs `task` in the instance's turn, as the guarded calls do; identical calls in flight share it. */
  const inTurn = (instance: string, call: string, task: () => Promise<ApiReply>): Promise<ApiReply> =>
    store.turn(instance, `${instance}\u0000${call}`, () => Promise.resolve(null), task);

  async function create(instance: string): Promise<ApiReply> {
    return inTurn(instance, 'createHandoff', async () => {
      const now = clock.now();
      const record = await store.read(instance);
      const step = handoffStepNow(record, now, limits);
      if (!record || step === null) return errorReply('STEP_OUT_OF_ORDER');
      const made = await store.attemptsSince(`handoff-link\u0000${instance}`, now - HOUR_MS);
      const oldest = made[made.length - LINKS_PER_INSTANCE_PER_HOUR];
      if (made.length >= LINKS_PER_INSTANCE_PER_HOUR && oldest !== undefined) {
        return errorReply('RATE_LIMITED', { retryAfterSeconds: secondsUntil(oldest + HOUR_MS, now) });
      }
      await store.addAttempt(`handoff-link\u0000${instance}`, now);
      // At most one live link per journey step: a new one ends the one before.
      await revokeLive(instance, now);
      const token = newToken();
      const digest = hashedName(token);
      const link: HandoffRecord = { instance, step, number: record.number, createdAt: now, expiresAt: now + HANDOFF_LIFETIME_MS, status: 'live', opened: false };
      await handoffs.save(digest, link);
      await handoffs.setLive(instance, digest, HANDOFF_LIFETIME_MS);
      await note(instance, 'handoff-created', link, 'operator', now);
      return { status: 200, body: { token, step, expiresAt: link.expiresAt } };
    });
  }

  async function revokeLive(instance: string, now: number): Promise<boolean> {
    const digest = await handoffs.live(instance);
    const link = digest === undefined ? undefined : await handoffs.find(digest);
    await handoffs.setLive(instance, null, 0);
    if (!digest || !link || link.status !== 'live' || link.expiresAt <= now) return false;
    await handoffs.save(digest, { ...link, status: 'revoked' });
    await note(instance, 'handoff-revoked', link, 'operator', now);
    return true;
  }

  const revoke = (instance: string): Promise<ApiReply> =>
    inTurn(instance, 'revokeHandoff', async () => ({ status: 200, body: { outcome: (await revokeLive(instance, clock.now())) ? 'revoked' : 'none' } }));

  /**
   * The link behind a token, or the answer to give instead: 429 once the client has tried too many
   * unknown tokens, 404 for an unknown one (counted), or the reason a known one is dead.
   */
  async function lookUp(request: FastifyRequest, token: string): Promise<{ digest: string; link: HandoffRecord; record: FlowRecord } | { reply: ApiReply }> {
    const now = clock.now();
    const failureKey = `handoff-lookup\u0000${clientKey(request.ip)}`;
    const digest = hashedName(token);
    const link = await handoffs.find(digest);
    // Looked up first, then admitted in one atomic step that counts only an unknown token: however
    // many guesses race, a client learns about at most LOOKUP_FAILURES of them per window.
    const gate = await store.admit(failureKey, { at: now, since: now - LOOKUP_WINDOW_MS, limit: LOOKUP_FAILURES, count: !link });
    if (!gate.admitted) return { reply: errorReply('RATE_LIMITED', { retryAfterSeconds: secondsUntil(gate.oldest + LOOKUP_WINDOW_MS, now) }) };
    if (!link) return { reply: errorReply('NOT_FOUND') };
    if (link.status !== 'live') return { reply: { status: 200, body: { outcome: link.status } } };
    const record = await store.read(link.instance);
    // Past its 15 minutes, or the journey has moved on (another step, another number): dead.
    if (!record || link.expiresAt <= now || handoffStepNow(record, now, limits) !== link.step || record.number !== link.number) {
      return { reply: { status: 200, body: { outcome: 'expired' } } };
    }
    return { digest, link, record };
  }

  async function open(request: FastifyRequest, token: string): Promise<ApiReply> {
    const found = await lookUp(request, token);
    if ('reply' in found) return found.reply;
    const { digest, link, record } = found;
    if (!link.opened) {
      await handoffs.save(digest, { ...link, opened: true });
      await note(link.instance, 'handoff-opened', link, 'owner', clock.now());
    }
    const view: HandoffView = {
      outcome: 'open',
      step: link.step,
      brand: options.brand ?? 'WhatsApp onboarding',
      maskedNumber: maskNumber(link.number),
      expiresAt: link.expiresAt,
      attemptsLeft: attemptsLeft(record, link.step, limits),
    };
    return { status: 200, body: view };
  }

  /** The owner's entry, through the same guarded call (and counters) as the operator's. */
  async function submit(request: FastifyRequest, token: string, step: HandoffStep, name: OperationName, body: Record<string, string>): Promise<ApiReply> {
    const found = await lookUp(request, token);
    if ('reply' in found) return found.reply;
    const { digest, link } = found;
    // A link serves its own step only.
    if (link.step !== step) return errorReply('STEP_OUT_OF_ORDER');
    const context = options.instance(link.instance);
    if (!context) return errorReply('FORBIDDEN');
    const reply = await options.call(link.instance, name, body, context, { log: request.log, by: 'owner' });
    if (reply.status !== 200) return reply;
    const outcome = submissionOf(name, reply.body);
    if (outcome === null) return errorReply('PROVIDER_ERROR');
    if (outcome.outcome === 'wrong') return { status: 200, body: { outcome: 'wrong', attemptsLeft: attemptsLeft(await store.read(link.instance), step, limits) } };
    if (outcome.outcome === 'connected' || outcome.outcome === 'accepted') {
      const latest = (await handoffs.find(digest)) ?? link;
      await handoffs.save(digest, { ...latest, status: 'used' });
      await handoffs.setLive(link.instance, null, 0);
      await note(link.instance, 'handoff-used', link, 'owner', clock.now());
    }
    return { status: 200, body: outcome };
  }

  return {
    /** The operator's calls answered here, from the proxy's own records, with no provider call. */
    local: {
      createHandoff: (instance: string) => create(instance),
      revokeHandoff: (instance: string) => revoke(instance),
    } satisfies { [N in OperationName]?: (instance: string) => Promise<ApiReply> },
    liveLink,
    register(app: FastifyInstance): void {
      const routes: { [N in HandoffOwnerOperationName]: (request: FastifyRequest, input: unknown) => Promise<ApiReply> } = {
        openHandoff: (request, input) => withToken(input, (token) => open(request, token)),
        submitHandoffCode: (request, input) => {
          const parsed = parseInput(handoffOwnerOperations.submitHandoffCode.request, input);
          return parsed.ok ? submit(request, parsed.input.token, 'code', 'confirmCode', { code: parsed.input.code }) : Promise.resolve(parsed.reply);
        },
        submitHandoffPin: (request, input) => {
          const parsed = parseInput(handoffOwnerOperations.submitHandoffPin.request, input);
          return parsed.ok ? submit(request, parsed.input.token, 'pin', 'confirmPin', { pin: parsed.input.pin }) : Promise.resolve(parsed.reply);
        },
        recoverHandoffPin: (request, input) => withToken(input, (token) => submit(request, token, 'pin', 'recoverPin', {})),
      };
      for (const name of Object.keys(routes) as HandoffOwnerOperationName[]) {
        app.route({
          method: 'POST',
          url: routeOf(handoffOwnerOperations[name].path),
          handler: async (request, reply) => reply.sendApi(await routes[name](request, request.body)),
        });
      }
    },
  };
}

function withToken(input: unknown, then: (token: string) => Promise<ApiReply>): Promise<ApiReply> {
  const parsed = parseInput(handoffOwnerOperations.openHandoff.request, input);
  return parsed.ok ? then(parsed.input.token) : Promise.resolve(parsed.reply);
}

/** What the owner is told: the outcome only, never the step the console goes on to. */
function submissionOf(name: OperationName, body: unknown): HandoffSubmission | null {
  if (name === 'confirmCode') {
    const parsed = codeConfirmationResultSchema.safeParse(body);
    if (!parsed.success) return null;
    if (parsed.data.outcome === 'wrong-code') return { outcome: 'wrong', attemptsLeft: 0 };
    return parsed.data.outcome === 'connected' ? { outcome: 'connected' } : { outcome: 'accepted' };
  }
  if (name === 'confirmPin') {
    const parsed = pinConfirmationResultSchema.safeParse(body);
    if (!parsed.success) return null;
    if (parsed.data.outcome === 'wrong-pin') return { outcome: 'wrong', attemptsLeft: 0 };
    return parsed.data.outcome === 'connected' ? { outcome: 'connected' } : { outcome: 'accepted' };
  }
  const parsed = pinRecoveryResultSchema.safeParse(body);
  if (!parsed.success) return null;
  return parsed.data.outcome === 'email-sent' ? { outcome: 'recovery-sent' } : { outcome: 'no-email' };
}

export type Handoffs = ReturnType<typeof createHandoffs>;
