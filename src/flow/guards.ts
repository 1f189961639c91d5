import type { DeliveryMethod } from '../contract/common';
import { methodStatus } from './deadlines';
import { defaultGuardLimits } from './limits';
import type { CodeContext, FlowErrorCode, FlowState } from './state';

/** Wrong codes accepted for one issued code; after that a new code must be requested. */
export const MAX_WRONG_CODES = defaultGuardLimits.wrongCodesPerCode;

export function isMethodReady(code: CodeContext, method: DeliveryMethod, now: number): boolean {
  return methodStatus(code, method, now).kind === 'ready';
}

export function hasCodeAttemptsLeft(code: CodeContext): boolean {
  return code.wrongCodes < MAX_WRONG_CODES;
}

export function isPending(state: FlowState): boolean {
  return pendingSteps.has(state.step);
}

export const pendingSteps: ReadonlySet<FlowState['step']> = new Set([
  'checkingAvailability',
  'requestingCode',
  'submittingCaptcha',
  'confirmingCode',
  'confirmingPin',
  'recoveringPin',
  'confirmingTransfer',
  'submittingAppeal',
]);

/**
 * Provider failures after which a code request may or may not have reached the provider: it may have
 * acted before the line broke. Resending blindly could spend a second SMS; the proxy's guards hold
 * the resend wait on these too.
 */
export const upstreamOutcomeUnknown: ReadonlySet<FlowErrorCode> = new Set<FlowErrorCode>(['UPSTREAM_TIMEOUT', 'UPSTREAM_RESET']);

/** The browser's own: its connection to the proxy broke or timed out once the request had left. */
const clientOutcomeUnknown: ReadonlySet<FlowErrorCode> = new Set<FlowErrorCode>(['NETWORK', 'CLIENT_TIMEOUT', 'INVALID_RESPONSE']);

export function isOutcomeUnknown(code: FlowErrorCode): boolean {
  return upstreamOutcomeUnknown.has(code) || clientOutcomeUnknown.has(code);
}
