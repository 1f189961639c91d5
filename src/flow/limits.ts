/**
 * The journey's limits, kept once: the proxy's guards enforce them, the demo's stand-in runs the same
 * guards, and the browser machine reads the ones it shows (wrong codes left, the resend wait).
 *
 * How much the proxy lets through before the provider is asked. Written down here, in the README
 * ("Budgets and guards"), in docs/security.md and in docs/decisions/020, so an operator knows what
 * a 429 means. The budgets are set from the environment (see config.ts); the defaults are far above
 * what an operator onboarding numbers by hand ever uses.
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
  /** Code requests (each an SMS or a call) per instance, and across the whole proxy, per rolling hour. */
  codeRequestsPerInstancePerHour: number;
  codeRequestsPerProxyPerHour: number;
  /** Different numbers whose availability one instance may check per rolling hour. */
  numbersPerInstancePerHour: number;
  /** Set-e-mail and PIN-recovery sends (each mails something), pairing codes and QR codes, per instance per hour. */
  emailSendsPerInstancePerHour: number;
  pairingCodesPerInstancePerHour: number;
  qrCodesPerInstancePerHour: number;
  /** Answers to one code, captcha or PIN step; then a new one must be asked for. */
  guessesPerChallenge: number;
  /** Every answer tried on one instance (codes, captchas, PINs, e-mail codes) per rolling hour. */
  guessesPerInstancePerHour: number;
}

export const HOUR_MS = 60 * 60 * 1000;

/** A hand-off link lives 15 minutes, and only while the journey stays on its step. */
export const HANDOFF_LIFETIME_MS = 15 * 60 * 1000;

export const defaultGuardLimits: GuardLimits = {
  wrongCodesPerCode: 5,
  wrongCodesPerHour: 20,
  wrongPinsPerStep: 5,
  wrongPinsPerHour: 20,
  codeRequestsPerHour: 5,
  codeLifetimeMs: 10 * 60 * 1000,
  assumedResendMs: 60 * 1000,
  codeRequestsPerInstancePerHour: 10,
  codeRequestsPerProxyPerHour: 100,
  numbersPerInstancePerHour: 10,
  emailSendsPerInstancePerHour: 5,
  pairingCodesPerInstancePerHour: 10,
  qrCodesPerInstancePerHour: 60,
  guessesPerChallenge: 5,
  guessesPerInstancePerHour: 20,
};
