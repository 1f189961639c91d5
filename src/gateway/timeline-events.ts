import type { DeliveryMethod } from '../contract/common';
import type { ErrorCode } from '../contract/errors';
import type { EnteredBy } from '../contract/journey';
import type { OperationName } from '../contract/operations';
import { codeRequestSchema } from '../contract/registration';
import type { TimelineEvent, TimelineKind } from '../contract/timeline';
import { maskNumber } from '../contract/masking';

/**
 * The events a call leaves in the onboarding timeline, shared by the proxy (src/server/timeline) and
 * the demo's handlers.
 */

/** The operations that leave a mark in the timeline, and the kind of mark. Reads leave none. */
export const recordedOperations: { [N in OperationName]?: TimelineKind } = {
  checkAvailability: 'availability',
  requestCode: 'code-request',
  answerCaptcha: 'captcha-answer',
  confirmCode: 'code',
  confirmPin: 'pin',
  recoverPin: 'pin-recovery',
  confirmTransfer: 'transfer',
  requestUnbanning: 'appeal',
  requestPairingCode: 'pairing-code',
  getQrCode: 'qr-code',
  setAccountEmail: 'account-email',
  verifyAccountEmail: 'account-email-verification',
  removeAccountEmail: 'account-email-removal',
  setPin: 'account-pin',
  removePin: 'account-pin-removal',
};

/** How a call ended: answered (its outcome word), refused by a guard, or failed (provider or transport). */
export type CallEnd = { ok: true; value: unknown } | { ok: false; refused: boolean; code: ErrorCode };

export interface EventContext {
  at: number;
  /** `ddi:phone` of the number concerned, or null. */
  number: string | null;
  step: string;
  by: EnteredBy;
}

/** Only the answer's fixed outcome word is kept; nothing else of an answer (a pairing code, a QR, an image) is. */
function outcomeWord(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'outcome' in value && typeof value.outcome === 'string' && /^[a-z-]{1,40}$/.test(value.outcome)) {
    return value.outcome;
  }
  return 'issued';
}

export function timelineEvent(kind: TimelineKind, context: EventContext, outcome: string, code: ErrorCode | null = null, method: DeliveryMethod | null = null): TimelineEvent {
  return { at: context.at, kind, number: context.number === null ? null : maskNumber(context.number), step: context.step, outcome, code, method, by: context.by };
}

/** The events one call makes: its own, and what it led to (a captcha shown, the number connected). */
export function callEvents(name: OperationName, input: unknown, end: CallEnd, context: EventContext): TimelineEvent[] {
  const kind = recordedOperations[name];
  if (!kind) return [];
  const parsedRequest = name === 'requestCode' ? codeRequestSchema.safeParse(input) : null;
  const method = parsedRequest?.success ? parsedRequest.data.method : null;
  if (!end.ok) return [timelineEvent(kind, context, end.refused ? 'refused' : 'failed', end.code, method)];
  const outcome = outcomeWord(end.value);
  const events = [timelineEvent(kind, context, outcome, null, method)];
  const image = typeof end.value === 'object' && end.value !== null && 'image' in end.value && end.value.image !== null;
  if ((name === 'requestCode' && outcome === 'captcha') || (name === 'answerCaptcha' && image)) events.push(timelineEvent('captcha-shown', context, 'shown'));
  if (outcome === 'connected') events.push(timelineEvent('connected', context, 'connected'));
  return events;
}
