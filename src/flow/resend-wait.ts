import type { DeliveryMethod } from '../contract/common';
import { defaultGuardLimits } from './limits';
import type { CodeContext } from './state';

/**
 * Resend wait used when the provider accepted a captcha answer (that answer carries no wait):
 * the code is on its way, so asking again at once would only spend another SMS.
 */
export const DEFAULT_RESEND_SECONDS = defaultGuardLimits.assumedResendMs / 1000;

/** The code may have been sent by `method`: every resend waits as if it had been. */
export function assumeCodeMaybeSent(code: CodeContext, method: DeliveryMethod, now: number): CodeContext {
  return { ...code, sentMethod: method, resendAt: Math.max(code.resendAt, now + DEFAULT_RESEND_SECONDS * 1000) };
}
