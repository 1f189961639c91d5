import type { DeliveryMethod, MethodWaits } from '../contract/common';
import type { CodeContext, Deadlines } from './state';

/**
 * Waits become absolute times the moment an answer arrives; everything shown later is
 * `deadline − now`, so a reload, a hidden tab or a throttled iframe never shows a stale count.
 * The browser machine and the proxy's guards both keep them this way.
 */
export function deadlinesFromWaits(waits: MethodWaits, now: number): Deadlines {
  const at = (seconds: number) => (seconds < 0 ? null : now + seconds * 1000);
  return { sms: at(waits.sms), voice: at(waits.voice), wa_old: at(waits.wa_old) };
}

/** No method before `until`; a method that cannot be used stays so. */
export function holdDeadlines(deadlines: Deadlines, until: number): Deadlines {
  const hold = (deadline: number | null) => (deadline === null ? null : Math.max(deadline, until));
  return { sms: hold(deadlines.sms), voice: hold(deadlines.voice), wa_old: hold(deadlines.wa_old) };
}

/** Whole seconds left, for a countdown (0 once due). */
export function remainingSeconds(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Whole seconds to wait, for a Retry-After (at least 1: "now" is not an answer to wait for). */
export const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

export type MethodStatus =
  | { kind: 'ready' }
  | { kind: 'waiting'; readyAt: number }
  /** The provider says this method cannot be used for the number now (a wait of -1). */
  | { kind: 'unavailable' }
  /** The pop-up needs the phone where WhatsApp is now, and the provider says it is not offered. */
  | { kind: 'ineligible' };

/** The waits of one number, as the browser and the proxy both keep them. */
export interface NumberDeadlines {
  deadlines: Deadlines;
  resendAt: number;
  sentMethod: DeliveryMethod | null;
}

/**
 * When `method` may next be requested, or null if it cannot be for now: its own wait and, once a
 * code was sent, the resend wait too (the later of the two wins).
 */
export function methodReadyAt(waits: NumberDeadlines, method: DeliveryMethod): number | null {
  const deadline = waits.deadlines[method];
  if (deadline === null) return null;
  return waits.sentMethod === null ? deadline : Math.max(deadline, waits.resendAt);
}

/** As `methodReadyAt`, and never for the pop-up when the provider does not offer it. */
export function readyAt(code: CodeContext, method: DeliveryMethod): number | null {
  return method === 'wa_old' && !code.waOldEligible ? null : methodReadyAt(code, method);
}

/** Whether a method may be requested at `now`. */
export function methodStatus(code: CodeContext, method: DeliveryMethod, now: number): MethodStatus {
  if (method === 'wa_old' && !code.waOldEligible) return { kind: 'ineligible' };
  const at = readyAt(code, method);
  if (at === null) return { kind: 'unavailable' };
  return now >= at ? { kind: 'ready' } : { kind: 'waiting', readyAt: at };
}
