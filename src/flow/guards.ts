import type { DeliveryMethod } from '../contract/common';
import { methodStatus } from './deadlines';
import type { CodeContext, FlowErrorCode, FlowState } from './state';

/** Wrong codes accepted for one issued code; after that a new code must be requested. */
export const MAX_WRONG_CODES = 5;

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
 * Failures after which a code request may or may not have reached the provider: the connection
 * broke or timed out once the request had left. Resending blindly could spend a second SMS.
 */
export function isOutcomeUnknown(code: FlowErrorCode): boolean {
  return ['NETWORK', 'CLIENT_TIMEOUT', 'INVALID_RESPONSE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_RESET'].includes(code);
}
