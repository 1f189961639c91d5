import type { MethodWaits } from '../contract/common';
import { errorBody } from '../contract/error-catalogue';
import { errorCodes } from '../contract/errors';
import { handoffCodeRequestSchema, handoffOpenRequestSchema, handoffPinRequestSchema, type HandoffOwnerOperationName, type HandoffSubmission } from '../contract/handoff';
import type { HandoffStep, Journey } from '../contract/journey';
import { maskNumber } from '../contract/masking';
import type { OperationName } from '../contract/operations';
import {
  availabilityRequestSchema,
  availabilityResultSchema,
  codeConfirmationResultSchema,
  codeRequestResultSchema,
  pinConfirmationResultSchema,
  pinRecoveryResultSchema,
} from '../contract/registration';
import type { TimelineEvent } from '../contract/timeline';
import type { ApiReply } from '../gateway/api-call';
import { callEvents, timelineEvent } from '../gateway/timeline-events';

/** The proxy's limits the demo mirrors: five wrong answers per code or PIN, links of 15 minutes, codes of 10. */
const WRONG_PER_STEP = 5;
const LINK_MS = 15 * 60 * 1000;
const CODE_MS = 10 * 60 * 1000;

interface DemoRecord {
  number: string;
  step: Journey['step'];
  sentMethod: Journey['sentMethod'];
  codeIssuedAt: number | null;
  resendAt: number;
  deadlines: Journey['deadlines'];
  wrongCodes: number;
  wrongPins: number;
  lastEntry: Journey['lastEntry'];
}

interface DemoLink {
  step: HandoffStep;
  number: string;
  expiresAt: number;
  status: 'live' | 'used' | 'revoked';
  opened: boolean;
}

export type RunCall = (name: OperationName, body: unknown) => Promise<ApiReply>;

const ok = (body: unknown): ApiReply => ({ status: 200, body });
const deadlinesFrom = (waits: MethodWaits, now: number) => {
  const at = (seconds: number) => (seconds < 0 ? null : now + seconds * 1000);
  return { sms: at(waits.sms), voice: at(waits.voice), wa_old: at(waits.wa_old) };
};

/**
 * What the proxy keeps of a journey, kept in the demo's page instead: the journey answer, hand-off
 * links and the timeline. A stand-in for the proxy's guards (the demo refuses less than the proxy),
 * with the same contract, so the console and the owner's page behave the same on both.
 */
export function createDemoJourney(now: () => number = Date.now) {
  let record: DemoRecord | null = null;
  const events: TimelineEvent[] = [];
  const links = new Map<string, DemoLink>();
  let live: string | null = null;

  const note = (added: TimelineEvent[]) => events.unshift(...added.reverse());

  function observe(name: OperationName, input: unknown, reply: ApiReply, by: 'operator' | 'owner'): void {
    const at = now();
    const value = reply.status === 200 ? reply.body : null;
    if (name === 'checkAvailability') {
      const request = availabilityRequestSchema.safeParse(input);
      const result = availabilityResultSchema.safeParse(value);
      if (request.success && result.success) {
        const number = `${request.data.ddi}:${request.data.phone}`;
        const step = result.data.outcome === 'available' ? 'available' : result.data.outcome === 'banned' ? 'banned' : 'closed';
        const deadlines = result.data.outcome === 'available' ? deadlinesFrom(result.data.waits, at) : { sms: null, voice: null, wa_old: null };
        const same = record?.number === number ? record : null;
        record = { number, step, sentMethod: same?.sentMethod ?? null, codeIssuedAt: same?.codeIssuedAt ?? null, resendAt: same?.resendAt ?? 0, deadlines, wrongCodes: same?.wrongCodes ?? 0, wrongPins: 0, lastEntry: null };
      }
    } else if (record) {
      const current = record;
      if (name === 'requestCode') {
        const result = codeRequestResultSchema.safeParse(value);
        if (result.success && result.data.outcome === 'sent') {
          record = { ...current, sentMethod: result.data.method, codeIssuedAt: at, resendAt: at + result.data.retryAfterSeconds * 1000, deadlines: deadlinesFrom(result.data.waits, at), wrongCodes: 0 };
        } else if (result.success && result.data.outcome === 'captcha') record = { ...current, step: 'captcha' };
      } else if (name === 'answerCaptcha' && reply.status === 200 && typeof value === 'object' && value !== null && 'outcome' in value && value.outcome === 'accepted') {
        record = { ...current, step: 'available', codeIssuedAt: at, resendAt: at + 60_000, wrongCodes: 0 };
      } else if (name === 'confirmCode') {
        const result = codeConfirmationResultSchema.safeParse(value);
        if (result.success) {
          const outcome = result.data.outcome;
          const step = outcome === 'connected' ? 'connected' : outcome === 'pin-required' ? 'pin' : outcome === 'transfer-required' ? 'transfer' : current.step;
          record = { ...current, step, wrongCodes: current.wrongCodes + (outcome === 'wrong-code' ? 1 : 0), codeIssuedAt: outcome === 'wrong-code' ? current.codeIssuedAt : null, lastEntry: { by, at } };
        }
      } else if (name === 'confirmPin') {
        const result = pinConfirmationResultSchema.safeParse(value);
        if (result.success) {
          const outcome = result.data.outcome;
          const step = outcome === 'connected' ? 'connected' : outcome === 'transfer-required' ? 'transfer' : current.step;
          record = { ...current, step, wrongPins: current.wrongPins + (outcome === 'wrong-pin' ? 1 : 0), lastEntry: { by, at } };
        }
      } else if (name === 'confirmTransfer' && reply.status === 200 && typeof value === 'object' && value !== null && 'outcome' in value && value.outcome === 'connected') {
        record = { ...current, step: 'connected' };
      }
    }
    const end = reply.status === 200 ? { ok: true as const, value: reply.body } : { ok: false as const, refused: false, code: errorCode(reply) };
    note(callEvents(name, input, end, { at, number: record?.number ?? null, step: record?.step ?? 'none', by }));
  }

  const codeOutstanding = (at: number) => record?.step === 'available' && record.codeIssuedAt !== null && at - record.codeIssuedAt <= CODE_MS;
  const stepNow = (at: number): HandoffStep | null => (record?.step === 'pin' ? 'pin' : codeOutstanding(at) ? 'code' : null);
  const attemptsLeft = (step: HandoffStep) => Math.max(0, WRONG_PER_STEP - (step === 'code' ? (record?.wrongCodes ?? 0) : (record?.wrongPins ?? 0)));

  function liveLink(at: number): Journey['handoff'] {
    const link = live === null ? undefined : links.get(live);
    if (!link || link.status !== 'live' || link.expiresAt <= at || stepNow(at) !== link.step || record?.number !== link.number) return null;
    return { step: link.step, expiresAt: link.expiresAt, opened: link.opened };
  }

  function journey(): Journey {
    const at = now();
    if (!record) {
      return { step: 'none', number: null, codeSent: false, sentMethod: null, codeExpiresAt: null, resendAt: null, deadlines: { sms: null, voice: null, wa_old: null }, wrongCodes: 0, handoff: null, lastEntry: null, now: at };
    }
    const [ddi = '', phone = ''] = record.number.split(':');
    const sent = codeOutstanding(at);
    return {
      step: record.step,
      number: { ddi, phone, masked: maskNumber(record.number) },
      codeSent: sent,
      sentMethod: record.sentMethod,
      codeExpiresAt: sent && record.codeIssuedAt !== null ? record.codeIssuedAt + CODE_MS : null,
      resendAt: record.sentMethod === null ? null : record.resendAt,
      deadlines: record.deadlines,
      wrongCodes: record.wrongCodes,
      handoff: liveLink(at),
      lastEntry: record.lastEntry,
      now: at,
    };
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
    const reply = await run(name, body);
    observe(name, body, reply, 'owner');
    if (reply.status !== 200) return reply;
    let answer: HandoffSubmission;
    const code = codeConfirmationResultSchema.safeParse(reply.body);
    const pin = pinConfirmationResultSchema.safeParse(reply.body);
    const recovery = pinRecoveryResultSchema.safeParse(reply.body);
    if (name === 'recoverPin' && recovery.success) answer = { outcome: recovery.data.outcome === 'email-sent' ? 'recovery-sent' : 'no-email' };
    else if ((code.success && code.data.outcome === 'wrong-code') || (pin.success && pin.data.outcome === 'wrong-pin')) answer = { outcome: 'wrong', attemptsLeft: attemptsLeft(step) };
    else answer = { outcome: (code.success && code.data.outcome === 'connected') || (pin.success && pin.data.outcome === 'connected') ? 'connected' : 'accepted' };
    if (answer.outcome === 'connected' || answer.outcome === 'accepted') {
      found.link.status = 'used';
      live = null;
      linkEvent('handoff-used', found.link, 'owner');
    }
    return ok(answer);
  }

  return {
    observe,
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
        const link: DemoLink = { step, number: record.number, expiresAt: at + LINK_MS, status: 'live', opened: false };
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
      return ok({ outcome: 'open', step: found.link.step, brand: 'WhatsApp onboarding', maskedNumber: maskNumber(found.link.number), expiresAt: found.link.expiresAt, attemptsLeft: attemptsLeft(found.link.step) });
    },
  };
}

function errorCode(reply: ApiReply): Extract<TimelineEvent['code'], string> {
  const body = reply.body;
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
    const parsed = errorCodes.find((code) => code === body.code);
    if (parsed) return parsed;
  }
  return 'INTERNAL';
}
