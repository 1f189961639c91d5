import type { MethodWaits, PhoneNumber } from '../contract/common';
import type { AvailabilityResult, CodeRequestResult } from '../contract/registration';
import type { CodeContext } from '../flow/state';

/** Builders with overrides, shared by the flow's unit tests and the component tests. */

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
export const phone: PhoneNumber = { ddi: '55', phone: '11987654321' };

export function buildWaits(overrides: Partial<MethodWaits> = {}): MethodWaits {
  return { sms: 0, voice: 0, wa_old: 0, ...overrides };
}

export function buildAvailable(overrides: { waits?: Partial<MethodWaits>; waOldEligible?: boolean } = {}): AvailabilityResult {
  return { outcome: 'available', waits: buildWaits(overrides.waits), waOldEligible: overrides.waOldEligible ?? true };
}

export function buildSent(overrides: Partial<Extract<CodeRequestResult, { outcome: 'sent' }>> = {}): CodeRequestResult {
  return { outcome: 'sent', method: 'sms', retryAfterSeconds: 60, waits: buildWaits({ sms: 60, voice: 60, wa_old: 60 }), ...overrides };
}

export function buildCodeContext(overrides: Partial<CodeContext> = {}): CodeContext {
  return {
    deadlines: { sms: T0, voice: T0, wa_old: T0 },
    waOldEligible: true,
    resendAt: 0,
    sentMethod: null,
    wrongCodes: 0,
    ...overrides,
  };
}
