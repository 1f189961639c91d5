import type { HandoffStep, Journey } from '../contract/journey';
import { maskNumber } from '../contract/masking';
import type { FlowRecord } from './journey-record';
import type { GuardLimits } from './limits';

/** Whether the journey has a code outstanding that may still be confirmed at `now`. */
export function codeOutstanding(record: FlowRecord | undefined, now: number, limits: GuardLimits): record is FlowRecord & { codeIssuedAt: number } {
  return record?.step === 'available' && record.codeIssuedAt !== null && now - record.codeIssuedAt <= limits.codeLifetimeMs;
}

/** The step the number's owner could answer now through a hand-off link, or null. */
export function handoffStepNow(record: FlowRecord | undefined, now: number, limits: GuardLimits): HandoffStep | null {
  if (record?.step === 'pin') return 'pin';
  return codeOutstanding(record, now, limits) ? 'code' : null;
}

/** Wrong answers still allowed on `step` before a new code (or PIN step) is needed. */
export function attemptsLeft(record: FlowRecord | undefined, step: HandoffStep, limits: GuardLimits): number {
  return Math.max(0, step === 'code' ? limits.wrongCodesPerCode - (record?.wrongCodes ?? 0) : limits.wrongPinsPerStep - (record?.wrongPins ?? 0));
}

/**
 * The journey as the guards keep it, for the console to resume from: the step, the number, and
 * every wait as an absolute time with the proxy's `now`. It holds no code, PIN or token.
 */
export function journeyOf(record: FlowRecord | undefined, now: number, limits: GuardLimits, handoff: Journey['handoff']): Journey {
  if (!record) {
    return {
      step: 'none',
      number: null,
      codeSent: false,
      sentMethod: null,
      codeExpiresAt: null,
      resendAt: null,
      deadlines: { sms: null, voice: null, wa_old: null },
      wrongCodes: 0,
      handoff: null,
      lastEntry: null,
      now,
    };
  }
  const [ddi = '', phone = ''] = record.number.split(':');
  const sent = codeOutstanding(record, now, limits);
  return {
    step: record.step,
    number: { ddi, phone, masked: maskNumber(record.number) },
    codeSent: sent,
    sentMethod: record.sentMethod,
    codeExpiresAt: sent ? record.codeIssuedAt + limits.codeLifetimeMs : null,
    resendAt: record.sentMethod === null ? null : record.resendAt,
    deadlines: record.deadlines,
    wrongCodes: record.wrongCodes,
    handoff,
    lastEntry: record.lastEntry ?? null,
    now,
  };
}
