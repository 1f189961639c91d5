import { errorBody } from '../contract/error-catalogue';
import { errorBodySchema, type ErrorCode } from '../contract/errors';
import { handoffCodeRequestSchema, handoffOpenRequestSchema, handoffPinRequestSchema, type HandoffOwnerOperationName, type HandoffSubmission } from '../contract/handoff';
import type { EnteredBy, HandoffStep, Journey } from '../contract/journey';
import { maskNumber } from '../contract/masking';
import { operations, type OperationName } from '../contract/operations';
import { codeConfirmationResultSchema, pinConfirmationResultSchema, pinRecoveryResultSchema } from '../contract/registration';
import type { TimelineEvent } from '../contract/timeline';
import type { FlowRecord } from '../flow/journey-record';
import { attemptsLeft, handoffStepNow, journeyOf } from '../flow/journey-view';
import { defaultGuardLimits, HANDOFF_LIFETIME_MS, HOUR_MS } from '../flow/limits';
import { afterCall, guardedOperations, numberOf, refusal, type AttemptKind, type GuardFacts } from '../flow/registration-rules';
import { parseInput, refusalReply, type ApiReply } from '../gateway/api-call';
import { callEvents, timelineEvent } from '../gateway/timeline-events';

/** The proxy's defaults: the demo has no environment to set them from. */
const limits = defaultGuardLimits;

interface DemoLink {
  step: HandoffStep;
  number: string;
  expiresAt: number;
  status: 'live' | 'used' | 'revoked';
  opened: boolean;
}

export type RunCall = (name: OperationName, body: unknown) => Promise<ApiReply>;

const ok = (body: unknown): ApiReply => ({ status: 200, body });

/** The calls that carry what someone typed to move the journey on. */
const entered: ReadonlySet<OperationName> = new Set<OperationName>(['confirmCode', 'confirmPin']);

/**
 * What the proxy keeps of a journey, kept in the demo's page instead: the journey record, its hourly
 * attempts, hand-off links and the timeline. Registration calls go through the same guards as on the
 * proxy (src/flow/registration-rules.ts, with the proxy's default limits), so the demo refuses an
 * out-of-order or too-early call with the same 409 or 429; the per-instance budgets stay the proxy's.
 */
export function createDemoJourney(now: () => number = Date.now) {
  let record: FlowRecord | undefined;
  /** Attempt times per kind and number, as the proxy's attempt logs keep them. */
  const attempts = new Map<string, number[]>();
  const events: TimelineEvent[] = [];
  const links = new Map<string, DemoLink>();
  let live: string | null = null;

  const note = (added: TimelineEvent[]) => events.unshift(...added.reverse());
  const attemptKey = (kind: AttemptKind, number: string) => `${kind}\u0000${number}`;

  const recent = (kind: AttemptKind, number: string, at: number) => (attempts.get(attemptKey(kind, number)) ?? []).filter((time) => time > at - HOUR_MS);

  function hourly(number: string | null, at: number): GuardFacts['hourly'] {
    if (number === null) return { 'code-request': [], 'wrong-code': [], 'wrong-pin': [] };
    return { 'code-request': recent('code-request', number, at), 'wrong-code': recent('wrong-code', number, at), 'wrong-pin': recent('wrong-pin', number, at) };
  }

  /**
   * One operator or owner call: validated, refused by the guards or sent to the simulated provider,
   * then the record moves on as the proxy's would, and the timeline says what happened.
   */
  async function call(name: OperationName, raw: unknown, run: RunCall, by: EnteredBy): Promise<ApiReply> {
    const parsed = parseInput(operations[name].request, raw);
    if (!parsed.ok) return parsed.reply;
    const input: unknown = parsed.input;
    if (!guardedOperations.has(name)) {
      const reply = await run(name, input);
      note(callEvents(name, input, endOf(reply), { at: now(), number: record?.number ?? null, step: record?.step ?? 'none', by }));
      return reply;
    }
    const started = now();
    const before: GuardFacts = { record, now: started, hourly: hourly(numberOf(name, input, record), started) };
    const refused = refusal(name, input, before, limits);
    if (refused) {
      const reply = refusalReply(refused);
      note(callEvents(name, input, { ok: false, refused: true, code: refused.code }, { at: before.now, number: numberOf(name, input, record), step: record?.step ?? 'none', by }));
      return reply;
    }
    const reply = await run(name, input);
    const at = now();
    const end = endOf(reply);
    const after = afterCall(name, input, end.ok ? end : { ok: false, code: end.code }, { ...before, now: at }, limits);
    const next = after.record;
    if (next) {
      record = entered.has(name) && end.ok ? { ...next, lastEntry: { by, at } } : next;
      for (const kind of after.attempts) attempts.set(attemptKey(kind, next.number), [...recent(kind, next.number, at), at]);
    }
    note(callEvents(name, input, end, { at, number: numberOf(name, input, record), step: record?.step ?? 'none', by }));
    return reply;
  }

  const stepNow = (at: number): HandoffStep | null => handoffStepNow(record, at, limits);
  const attemptsLeftOn = (step: HandoffStep) => attemptsLeft(record, step, limits);

  function liveLink(at: number): Journey['handoff'] {
    const link = live === null ? undefined : links.get(live);
    if (!link || link.status !== 'live' || link.expiresAt <= at || stepNow(at) !== link.step || record?.number !== link.number) return null;
    return { step: link.step, expiresAt: link.expiresAt, opened: link.opened };
  }

  function journey(): Journey {
    const at = now();
    return journeyOf(record, at, limits, liveLink(at));
  }

  function linkEvent(kind: 'handoff-created' | 'handoff-opened' | 'handoff-used' | 'handoff-revoked', link: DemoLink, by: 'operator' | 'owner') {
    note([timelineEvent(kind, { at: now(), number: link.number, step: record?.step ?? 'none', by }, kind.slice('handoff-'.length))]);
  }

  function revokeLive(): boolean {
    const link = live === null ? undefined : links.get(live);
    live = null;
    if (!link || link.status !== 'live') return false;
    link.status = 'revoked';
    linkEvent('handoff-revoked', link, 'operator');
    return true;
  }

  /** The owner's link behind a token, or the answer to give instead. */
  function lookUp(token: string): { link: DemoLink } | { reply: ApiReply } {
    const link = links.get(token);
    if (!link) return { reply: { status: 404, body: errorBody('NOT_FOUND') } };
    if (link.status !== 'live') return { reply: ok({ outcome: link.status }) };
    if (link.expiresAt <= now() || stepNow(now()) !== link.step || record?.number !== link.number) return { reply: ok({ outcome: 'expired' }) };
    return { link };
  }

  async function submit(token: string, step: HandoffStep, name: OperationName, body: unknown, run: RunCall): Promise<ApiReply> {
    const found = lookUp(token);
    if ('reply' in found) return found.reply;
    if (found.link.step !== step) return { status: 409, body: errorBody('STEP_OUT_OF_ORDER') };
    const reply = await call(name, body, run, 'owner');
    if (reply.status !== 200) return reply;
    let answer: HandoffSubmission;
    const code = codeConfirmationResultSchema.safeParse(reply.body);
    const pin = pinConfirmationResultSchema.safeParse(reply.body);
    const recovery = pinRecoveryResultSchema.safeParse(reply.body);
    if (name === 'recoverPin' && recovery.success) answer = { outcome: recovery.data.outcome === 'email-sent' ? 'recovery-sent' : 'no-email' };
    else if ((code.success && code.data.outcome === 'wrong-code') || (pin.success && pin.data.outcome === 'wrong-pin')) answer = { outcome: 'wrong', attemptsLeft: attemptsLeftOn(step) };
    else answer = { outcome: (code.success && code.data.outcome === 'connected') || (pin.success && pin.data.outcome === 'connected') ? 'connected' : 'accepted' };
    if (answer.outcome === 'connected' || answer.outcome === 'accepted') {
      found.link.status = 'used';
      live = null;
      linkEvent('handoff-used', found.link, 'owner');
    }
    return ok(answer);
  }

  return {
    /** An operator's call, through the guards. */
    call: (name: OperationName, body: unknown, run: RunCall) => call(name, body, run, 'operator'),
    /** The operator's calls the proxy answers itself. */
    local: {
      getJourney: () => ok(journey()),
      getTimeline: (format: string | null) =>
        ok(format === 'bundle' ? { format: 'wa-onboarding-support-bundle', createdAt: now(), versions: { console: 'demo', proxy: 'demo' }, provider: 'simulated-zapi', events } : { events }),
      createHandoff: () => {
        const at = now();
        const step = stepNow(at);
        if (!record || step === null) return { status: 409, body: errorBody('STEP_OUT_OF_ORDER') };
        revokeLive();
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        const token = btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
        const link: DemoLink = { step, number: record.number, expiresAt: at + HANDOFF_LIFETIME_MS, status: 'live', opened: false };
        links.set(token, link);
        live = token;
        linkEvent('handoff-created', link, 'operator');
        return ok({ token, step, expiresAt: link.expiresAt });
      },
      revokeHandoff: () => ok({ outcome: revokeLive() ? 'revoked' : 'none' }),
    },
    /** Whether this page made the link (the owner's page asks the operator's page, see browser.ts). */
    knows: (token: string) => links.has(token),
    /** The owner's calls, answered where the link was made. */
    async owner(name: HandoffOwnerOperationName, body: unknown, run: RunCall): Promise<ApiReply> {
      if (name === 'submitHandoffCode') {
        const parsed = handoffCodeRequestSchema.safeParse(body);
        return parsed.success ? submit(parsed.data.token, 'code', 'confirmCode', { code: parsed.data.code }, run) : { status: 400, body: errorBody('INVALID_REQUEST') };
      }
      if (name === 'submitHandoffPin') {
        const parsed = handoffPinRequestSchema.safeParse(body);
        return parsed.success ? submit(parsed.data.token, 'pin', 'confirmPin', { pin: parsed.data.pin }, run) : { status: 400, body: errorBody('INVALID_REQUEST') };
      }
      const parsed = handoffOpenRequestSchema.safeParse(body);
      if (!parsed.success) return { status: 400, body: errorBody('INVALID_REQUEST') };
      if (name === 'recoverHandoffPin') return submit(parsed.data.token, 'pin', 'recoverPin', {}, run);
      const found = lookUp(parsed.data.token);
      if ('reply' in found) return found.reply;
      if (!found.link.opened) {
        found.link.opened = true;
        linkEvent('handoff-opened', found.link, 'owner');
      }
      return ok({ outcome: 'open', step: found.link.step, brand: 'WhatsApp onboarding', maskedNumber: maskNumber(found.link.number), expiresAt: found.link.expiresAt, attemptsLeft: attemptsLeftOn(found.link.step) });
    },
  };
}

/** How a call ended, as the timeline tells it. */
function endOf(reply: ApiReply): { ok: true; value: unknown } | { ok: false; refused: false; code: ErrorCode } {
  if (reply.status === 200) return { ok: true, value: reply.body };
  const parsed = errorBodySchema.safeParse(reply.body);
  return { ok: false, refused: false, code: parsed.success ? parsed.data.code : 'INTERNAL' };
}
