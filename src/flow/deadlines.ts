import type { DeliveryMethod, MethodWaits } from '../contract/common';
import type { CodeContext, Deadlines } from './state';

/**
 * Waits become absolute times the moment an answer arrives; everything shown later is
 * `deadline − now`, so a reload, a hidden tab or a throttled iframe never shows a stale count.
 */
export function deadlinesFromWaits(waits: MethodWaits, now: number): Deadlines {
  const at = (seconds: number) => (seconds < 0 ? null : now + seconds * 1000);
  return { sms: at(waits.sms), voice: at(waits.voice), wa_old: at(waits.wa_old) };
}

export function remainingSeconds(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

export type MethodStatus =
  | { kind: 'ready' }
  | { kind: 'waiting'; readyAt: number }
  /** The provider says this method cannot be used for the number now (a wait of -1). */
  | { kind: 'unavailable' }
  /** The pop-up needs the phone where WhatsApp is now, and the provider says it is not offered. */
  | { kind: 'ineligible' };

/**
 * Whether a method may be requested at `now`. Once a code was sent, a new one of any method also
 * waits for `retryAfter`: the later of the two deadlines wins.
 */
export function methodStatus(code: CodeContext, method: DeliveryMethod, now: number): MethodStatus {
  if (method === 'wa_old' && !code.waOldEligible) return { kind: 'ineligible' };
  const at = readyAt(code, method);
  if (at === null) return { kind: 'unavailable' };
  return now >= at ? { kind: 'ready' } : { kind: 'waiting', readyAt: at };
}

/** When a method may next be requested, or null if it cannot be at all for now. */
export function readyAt(code: CodeContext, method: DeliveryMethod): number | null {
  if (method === 'wa_old' && !code.waOldEligible) return null;
  const deadline = code.deadlines[method];
  if (deadline === null) return null;
  return code.sentMethod === null ? deadline : Math.max(deadline, code.resendAt);
}
