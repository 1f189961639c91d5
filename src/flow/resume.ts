import type { Journey } from '../contract/journey';
import type { FlowState } from './state';

/**
 * The journey the proxy keeps, as the state to resume at. The proxy's times are moved by the
 * difference between its clock and this one, so every countdown shows the true wait. Null when
 * there is nothing to resume (no journey, or one that ended: connected, closed).
 */
export function stateFromJourney(journey: Journey, now: number): FlowState | null {
  if (!journey.number) return null;
  const skew = now - journey.now;
  const at = (time: number | null) => (time === null ? null : Math.max(0, time + skew));
  const phone = { ddi: journey.number.ddi, phone: journey.number.phone };
  const { sms, voice, wa_old } = journey.deadlines;
  const code = {
    deadlines: { sms: at(sms), voice: at(voice), wa_old: at(wa_old) },
    waOldEligible: wa_old !== null,
    resendAt: at(journey.resendAt) ?? 0,
    sentMethod: journey.sentMethod,
    wrongCodes: journey.wrongCodes,
  };
  switch (journey.step) {
    case 'available':
      return journey.codeSent ? { step: 'awaitingCode', phone, code, notice: null, error: null } : { step: 'choosingMethod', phone, code, notice: null, error: null };
    // The captcha's image is not kept: asking for the code again brings a fresh one.
    case 'captcha':
      return { step: 'choosingMethod', phone, code, notice: null, error: null };
    case 'pin':
      return { step: 'awaitingPin', phone, notice: null, error: null };
    case 'transfer':
      return { step: 'awaitingTransfer', phone, notice: null, error: null };
    case 'banned':
      return { step: 'bannedAppealable', phone, notice: null, error: null };
    // A finished journey is not resumed: the start-up status check opens the connected screen.
    default:
      return null;
  }
}
