/**
 * How much the proxy lets through before the provider is asked. Written down here, in the README
 * ("Guards") and in docs/decisions/020, so an operator knows what a 429 means.
 */
export interface GuardLimits {
  wrongCodesPerCode: number;
  wrongCodesPerHour: number;
  wrongPinsPerStep: number;
  wrongPinsPerHour: number;
  codeRequestsPerHour: number;
  /** An issued code is no longer confirmed after this (ASVS 6.5.5: at most 10 minutes). */
  codeLifetimeMs: number;
  /** Resend wait assumed when a code may have gone out but the provider's answer was lost. */
  assumedResendMs: number;
}

export const HOUR_MS = 60 * 60 * 1000;

export const defaultGuardLimits: GuardLimits = {
  wrongCodesPerCode: 5,
  wrongCodesPerHour: 20,
  wrongPinsPerStep: 5,
  wrongPinsPerHour: 20,
  codeRequestsPerHour: 5,
  codeLifetimeMs: 10 * 60 * 1000,
  assumedResendMs: 60 * 1000,
};
