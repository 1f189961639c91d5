import type { ErrorCode } from '../contract/errors';
import { registrationOperationNames, type OperationName } from '../contract/operations';
import {
  appealResultSchema,
  availabilityRequestSchema,
  availabilityResultSchema,
  captchaResultSchema,
  codeConfirmationResultSchema,
  codeRequestResultSchema,
  codeRequestSchema,
  pinConfirmationResultSchema,
  transferConfirmationResultSchema,
} from '../contract/registration';
import { deadlinesFromWaits, holdDeadlines, methodReadyAt, secondsUntil } from './deadlines';
import { upstreamOutcomeUnknown } from './guards';
import type { FlowRecord, NumberWaits } from './journey-record';
import { HOUR_MS, type GuardLimits } from './limits';

/** The registration operations the guards watch; status and account calls pass untouched. */
export const guardedOperations: ReadonlySet<OperationName> = new Set<OperationName>(registrationOperationNames);

/** Which hourly attempt log a refusal or an outcome concerns. */
export type AttemptKind = 'code-request' | 'wrong-code' | 'wrong-pin';

export interface GuardFacts {
  record: FlowRecord | undefined;
  now: number;
  /** Attempts in the last hour, per kind, for the number the call concerns. */
  hourly: Record<AttemptKind, number[]>;
}

/** The 429 refusals: each says when the same call may succeed again. */
export type WaitCode = Extract<
  ErrorCode,
  | 'RATE_LIMITED'
  | 'INSTANCE_CODE_BUDGET'
  | 'PROXY_CODE_BUDGET'
  | 'NUMBER_BUDGET'
  | 'EMAIL_SEND_BUDGET'
  | 'PAIRING_CODE_BUDGET'
  | 'QR_CODE_BUDGET'
  | 'GUESS_BUDGET'
  | 'CHALLENGE_EXHAUSTED'
>;

export type Refusal = { code: Extract<ErrorCode, 'STEP_OUT_OF_ORDER'> } | { code: WaitCode; retryAfterSeconds: number };

export const numberKey = (phone: { ddi: string; phone: string }): string => `${phone.ddi}:${phone.phone}`;

/** The number a call is about: the one in its body, or the one whose journey is under way. */
export function numberOf(name: OperationName, input: unknown, record: FlowRecord | undefined): string | null {
  const schema = name === 'checkAvailability' ? availabilityRequestSchema : name === 'requestCode' ? codeRequestSchema : null;
  if (schema === null) return record?.number ?? null;
  const parsed = schema.safeParse(input);
  return parsed.success ? numberKey(parsed.data) : null;
}

/** Refuses once `limit` attempts are in the last hour; the answer says when the oldest leaves it. */
export function hourlyRefusal(attempts: number[], limit: number, now: number, code: WaitCode = 'RATE_LIMITED'): Refusal | null {
  const oldest = attempts[attempts.length - limit];
  return attempts.length >= limit && oldest !== undefined ? { code, retryAfterSeconds: secondsUntil(oldest + HOUR_MS, now) } : null;
}

/** Numbers first checked within the last hour. */
function recentlyChecked(record: FlowRecord | undefined, now: number): number[] {
  return Object.values(record?.checked ?? {})
    .filter((at) => at > now - HOUR_MS)
    .sort((a, b) => a - b);
}

/** Whether the call may go to the provider now; a refusal costs no upstream call. */
export function refusal(name: OperationName, input: unknown, facts: GuardFacts, limits: GuardLimits): Refusal | null {
  const { record, now, hourly } = facts;
  const outOfOrder: Refusal = { code: 'STEP_OUT_OF_ORDER' };
  switch (name) {
    case 'checkAvailability': {
      // A number already checked this hour may be checked again; a new one counts.
      const number = numberOf(name, input, record);
      if (number === null || record?.checked[number] !== undefined) return null;
      return hourlyRefusal(recentlyChecked(record, now), limits.numbersPerInstancePerHour, now, 'NUMBER_BUDGET');
    }
    case 'requestCode': {
      const parsed = codeRequestSchema.safeParse(input);
      if (!parsed.success || record?.number !== numberKey(parsed.data)) return outOfOrder;
      // On the captcha step only the captcha's own method may be asked again: that brings a new image.
      const asked = record.step === 'available' || (record.step === 'captcha' && record.captchaMethod === parsed.data.method);
      if (!asked) return outOfOrder;
      const at = methodReadyAt(record, parsed.data.method);
      if (at !== null && now < at) return { code: 'RATE_LIMITED', retryAfterSeconds: secondsUntil(at, now) };
      return hourlyRefusal(hourly['code-request'], limits.codeRequestsPerHour, now);
    }
    case 'answerCaptcha': {
      if (record?.step !== 'captcha') return outOfOrder;
      if (record.captchaAnswers < limits.guessesPerChallenge) return null;
      // A new captcha comes with a new code request, once the method's wait allows one.
      const at = record.captchaMethod === null ? null : methodReadyAt(record, record.captchaMethod);
      return { code: 'CHALLENGE_EXHAUSTED', retryAfterSeconds: secondsUntil(at ?? now, now) };
    }
    case 'confirmCode': {
      if (record?.step !== 'available' || record.codeIssuedAt === null) return outOfOrder;
      if (now - record.codeIssuedAt > limits.codeLifetimeMs) return outOfOrder;
      if (record.wrongCodes >= limits.wrongCodesPerCode) {
        return { code: 'RATE_LIMITED', retryAfterSeconds: secondsUntil(record.resendAt, now) };
      }
      return hourlyRefusal(hourly['wrong-code'], limits.wrongCodesPerHour, now);
    }
    case 'confirmPin': {
      if (record?.step !== 'pin') return outOfOrder;
      if (record.wrongPins >= limits.wrongPinsPerStep) {
        return { code: 'RATE_LIMITED', retryAfterSeconds: secondsUntil(record.resendAt, now) };
      }
      return hourlyRefusal(hourly['wrong-pin'], limits.wrongPinsPerHour, now);
    }
    case 'recoverPin':
      return record?.step === 'pin' ? null : outOfOrder;
    case 'confirmTransfer':
      return record?.step === 'transfer' ? null : outOfOrder;
    case 'requestUnbanning':
      return record?.step === 'banned' ? null : outOfOrder;
    default:
      return null;
  }
}

const noWaits: NumberWaits = {
  deadlines: { sms: null, voice: null, wa_old: null },
  resendAt: 0,
  sentMethod: null,
  codeIssuedAt: null,
  wrongCodes: 0,
};

function waitsOf(record: FlowRecord): NumberWaits {
  const { deadlines, resendAt, sentMethod, codeIssuedAt, wrongCodes } = record;
  return { deadlines, resendAt, sentMethod, codeIssuedAt, wrongCodes };
}

/** The last moment a number's waits still matter: its latest deadline, resend wait or code lifetime. */
function waitsEnd(waits: NumberWaits, limits: GuardLimits): number {
  const { sms, voice, wa_old } = waits.deadlines;
  return Math.max(sms ?? 0, voice ?? 0, wa_old ?? 0, waits.resendAt, waits.codeIssuedAt === null ? 0 : waits.codeIssuedAt + limits.codeLifetimeMs);
}

/** Most numbers parked at once; the distinct-number budget keeps it far lower in practice. */
const MAX_PARKED = 64;

/**
 * The journey moves to `number`: the previous number's waits are parked (until they end) and the
 * new number's own are taken back, so checking B never resets A's wait, code or counters.
 */
function switchTo(record: FlowRecord | undefined, number: string, step: FlowRecord['step'], now: number, limits: GuardLimits): FlowRecord {
  const candidates = Object.entries(record?.parked ?? {});
  if (record && record.number !== number) candidates.push([record.number, waitsOf(record)]);
  const own = record?.number === number ? waitsOf(record) : (record?.parked[number] ?? noWaits);
  const live = candidates
    .filter(([key, waits]) => key !== number && waitsEnd(waits, limits) > now)
    .sort(([, a], [, b]) => waitsEnd(b, limits) - waitsEnd(a, limits));
  const parked = Object.fromEntries(live.slice(0, MAX_PARKED));
  const checked: Record<string, number> = {};
  for (const [key, at] of Object.entries(record?.checked ?? {})) if (at > now - HOUR_MS) checked[key] = at;
  checked[number] ??= now;
  return { ...own, number, step, captchaMethod: null, captchaAnswers: 0, wrongPins: 0, parked, checked };
}

export type CallResult = { ok: true; value: unknown } | { ok: false; code: ErrorCode };

export interface Outcome {
  record: FlowRecord | undefined;
  /** Attempts to log for the journey's number. */
  attempts: AttemptKind[];
}

/** The journey after a call the provider answered (or failed to answer). */
export function afterCall(name: OperationName, input: unknown, result: CallResult, facts: GuardFacts, limits: GuardLimits): Outcome {
  const { now } = facts;
  const record = facts.record;
  const keep: Outcome = { record, attempts: [] };
  switch (name) {
    case 'checkAvailability': {
      const number = numberOf(name, input, record);
      const parsed = availabilityResultSchema.safeParse(result.ok ? result.value : null);
      if (number === null || !parsed.success) return keep;
      const value = parsed.data;
      if (value.outcome === 'banned') return { record: switchTo(record, number, 'banned', now, limits), attempts: [] };
      if (value.outcome !== 'available') return { record: switchTo(record, number, 'closed', now, limits), attempts: [] };
      // A re-check keeps the code that is (or may be) outstanding and its resend wait, whichever
      // number was checked in between; the provider's fresh waits replace the method deadlines.
      const base = switchTo(record, number, 'available', now, limits);
      return { record: { ...base, deadlines: deadlinesFromWaits(value.waits, now) }, attempts: [] };
    }
    case 'requestCode': {
      const parsed = codeRequestSchema.safeParse(input);
      if (!record || !parsed.success) return keep;
      const method = parsed.data.method;
      const attempts: AttemptKind[] = ['code-request'];
      if (!result.ok) {
        if (!upstreamOutcomeUnknown.has(result.code)) return { record, attempts };
        const resendAt = Math.max(record.resendAt, now + limits.assumedResendMs);
        return { record: { ...record, sentMethod: method, resendAt, codeIssuedAt: now }, attempts };
      }
      const value = codeRequestResultSchema.safeParse(result.value);
      if (!value.success) return { record, attempts };
      switch (value.data.outcome) {
        case 'sent':
          return {
            record: {
              ...record,
              deadlines: deadlinesFromWaits(value.data.waits, now),
              resendAt: now + value.data.retryAfterSeconds * 1000,
              sentMethod: value.data.method,
              codeIssuedAt: now,
              wrongCodes: 0,
            },
            attempts,
          };
        case 'captcha':
          return { record: { ...record, step: 'captcha', captchaMethod: method, captchaAnswers: 0 }, attempts };
        case 'blocked':
          return { record: { ...record, step: 'closed' }, attempts };
        case 'not-sent':
          return {
            record: {
              ...record,
              deadlines: deadlinesFromWaits(value.data.waits, now),
              resendAt: Math.max(record.resendAt, now + value.data.retryAfterSeconds * 1000),
            },
            attempts,
          };
      }
      return { record, attempts };
    }
    case 'answerCaptcha': {
      const value = captchaResultSchema.safeParse(result.ok ? result.value : null);
      if (!record) return keep;
      // Every answer that reached the provider counts against this captcha, whatever came back.
      const counted = { ...record, captchaAnswers: record.captchaAnswers + 1 };
      if (!value.success) return { record: counted, attempts: [] };
      if (value.data.outcome === 'rejected') return { record: value.data.image ? counted : { ...counted, step: 'available' }, attempts: [] };
      // An accepted answer sends the code; it carries no wait, so the usual resend wait applies.
      const resendAt = now + limits.assumedResendMs;
      return {
        record: {
          ...record,
          step: 'available',
          deadlines: holdDeadlines(record.deadlines, resendAt),
          resendAt,
          sentMethod: record.captchaMethod,
          codeIssuedAt: now,
          wrongCodes: 0,
        },
        attempts: [],
      };
    }
    case 'confirmCode': {
      const value = codeConfirmationResultSchema.safeParse(result.ok ? result.value : null);
      if (!record || !value.success) return keep;
      switch (value.data.outcome) {
        case 'connected':
          return { record: { ...record, step: 'connected', codeIssuedAt: null }, attempts: [] };
        case 'pin-required':
          return { record: { ...record, step: 'pin', codeIssuedAt: null, wrongPins: 0 }, attempts: [] };
        case 'transfer-required':
          return { record: { ...record, step: 'transfer', codeIssuedAt: null }, attempts: [] };
        case 'wrong-code':
          return { record: { ...record, wrongCodes: record.wrongCodes + 1 }, attempts: ['wrong-code'] };
      }
      return keep;
    }
    case 'confirmPin': {
      const value = pinConfirmationResultSchema.safeParse(result.ok ? result.value : null);
      if (!record || !value.success) return keep;
      if (value.data.outcome === 'wrong-pin') return { record: { ...record, wrongPins: record.wrongPins + 1 }, attempts: ['wrong-pin'] };
      return { record: { ...record, step: value.data.outcome === 'connected' ? 'connected' : 'transfer' }, attempts: [] };
    }
    case 'confirmTransfer': {
      const value = transferConfirmationResultSchema.safeParse(result.ok ? result.value : null);
      if (!record || value.data?.outcome !== 'connected') return keep;
      return { record: { ...record, step: 'connected' }, attempts: [] };
    }
    case 'requestUnbanning': {
      const value = appealResultSchema.safeParse(result.ok ? result.value : null);
      if (!record || !value.success || value.data.outcome === 'rejected') return keep;
      // In review or unbanned: the next step is a fresh availability check.
      return { record: { ...record, step: 'closed' }, attempts: [] };
    }
    default:
      return keep;
  }
}
