import { deadlinesFromWaits, holdDeadlines } from './deadlines';
import type { FlowEvent } from './events';
import type { PhoneNumber } from '../contract/common';
import { DEFAULT_RESEND_SECONDS, assumeCodeMaybeSent } from './resend-wait';
import {
  MAX_WRONG_CODES,
  hasCodeAttemptsLeft,
  isMethodReady,
  isOutcomeUnknown,
  isPending,
} from './guards';
import { initialState, isFreshStart, type CodeContext, type FlowError, type FlowState, type StateOf } from './state';

/**
 * The registration journey as a pure reducer. An event that is not allowed in the current state
 * returns the same state object, which callers use to know the event was refused (and so never
 * send the request that would have followed it).
 */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  // Leaving the journey is allowed from anywhere except while a request is in flight.
  if (event.type === 'START_OVER') return pendingOr(state, initialState);
  if (event.type === 'RESUMED') return isFreshStart(state) ? event.state : state;
  if (event.type === 'CHANGE_NUMBER') {
    return state.step === 'phoneEntry' ? state : pendingOr(state, { step: 'phoneEntry', phone: state.phone, error: null });
  }

  switch (state.step) {
    case 'phoneEntry':
    case 'unbanned':
    case 'unavailable':
      return event.type === 'PHONE_SUBMITTED'
        ? { step: 'checkingAvailability', phone: event.phone, previous: null }
        : state;
    case 'checkingAvailability':
      return fromCheckingAvailability(state, event);
    case 'choosingMethod':
      return fromChoosingMethod(state, event);
    case 'requestingCode':
      return fromRequestingCode(state, event);
    case 'codeOutcomeUnknown':
      if (event.type === 'RECHECK_REQUESTED') return { step: 'checkingAvailability', phone: state.phone, previous: state.code };
      if (event.type === 'CODE_ENTRY_CHOSEN') return awaitingCode(state, state.code, null);
      return state;
    case 'solvingCaptcha':
      if (event.type === 'CAPTCHA_SUBMITTED') return { step: 'submittingCaptcha', phone: state.phone, code: state.code, method: state.method, image: state.image };
      // An unreadable image: asking for the code again by the same method brings a new one.
      if (event.type === 'CODE_REQUESTED' && event.method === state.method) {
        return { step: 'requestingCode', phone: state.phone, code: state.code, method: state.method, from: 'choosingMethod' };
      }
      return state;
    case 'submittingCaptcha':
      return fromSubmittingCaptcha(state, event);
    case 'awaitingCode':
      return fromAwaitingCode(state, event);
    case 'confirmingCode':
      return fromConfirmingCode(state, event);
    case 'awaitingPin':
      if (event.type === 'PIN_SUBMITTED') return { step: 'confirmingPin', phone: state.phone };
      if (event.type === 'PIN_RECOVERY_REQUESTED') return { step: 'recoveringPin', phone: state.phone };
      return state;
    case 'confirmingPin':
      if (event.type === 'PIN_RESOLVED') {
        if (event.result.outcome === 'connected') return { step: 'connected', phone: state.phone };
        if (event.result.outcome === 'transfer-required') return awaitingTransfer(state, null);
        return awaitingPin(state, 'wrong-pin', null);
      }
      return event.type === 'REQUEST_FAILED' ? awaitingPin(state, null, event.error) : state;
    case 'recoveringPin':
      if (event.type === 'PIN_RECOVERY_RESOLVED') {
        return awaitingPin(state, event.result.outcome === 'email-sent' ? 'recovery-sent' : 'recovery-no-email', null);
      }
      return event.type === 'REQUEST_FAILED' ? awaitingPin(state, null, event.error) : state;
    case 'awaitingTransfer':
      return event.type === 'TRANSFER_CONFIRMED' ? { step: 'confirmingTransfer', phone: state.phone } : state;
    case 'confirmingTransfer':
      if (event.type === 'TRANSFER_RESOLVED') {
        return event.result.outcome === 'connected'
          ? { step: 'connected', phone: state.phone }
          : awaitingTransfer(state, 'not-accepted-yet');
      }
      return event.type === 'REQUEST_FAILED' ? { ...awaitingTransfer(state, null), error: event.error } : state;
    case 'bannedAppealable':
      return event.type === 'APPEAL_SUBMITTED' ? { step: 'submittingAppeal', phone: state.phone } : state;
    case 'submittingAppeal':
      if (event.type === 'APPEAL_RESOLVED') {
        if (event.result.outcome === 'in-review') return { step: 'appealInReview', phone: state.phone };
        if (event.result.outcome === 'unbanned') return { step: 'unbanned', phone: state.phone };
        return { step: 'bannedAppealable', phone: state.phone, notice: 'appeal-rejected', error: null };
      }
      return event.type === 'REQUEST_FAILED'
        ? { step: 'bannedAppealable', phone: state.phone, notice: null, error: event.error }
        : state;
    case 'appealInReview':
    case 'blockedNoAppeal':
    case 'connected':
      return state;
  }
}

function pendingOr(state: FlowState, next: FlowState): FlowState {
  return isPending(state) ? state : next;
}

function fromCheckingAvailability(state: StateOf<'checkingAvailability'>, event: FlowEvent): FlowState {
  const phone = state.phone;
  if (event.type === 'REQUEST_FAILED') return { step: 'phoneEntry', phone, error: event.error };
  if (event.type !== 'AVAILABILITY_RESOLVED') return state;
  const result = event.result;
  switch (result.outcome) {
    case 'available':
      return {
        step: 'choosingMethod',
        phone,
        code: {
          deadlines: deadlinesFromWaits(result.waits, event.now),
          waOldEligible: result.waOldEligible,
          // A re-check after an unknown outcome keeps the resend wait and the method that may have been sent.
          resendAt: state.previous?.resendAt ?? 0,
          sentMethod: state.previous?.sentMethod ?? null,
          wrongCodes: 0,
        },
        notice: null,
        error: null,
      };
    case 'banned':
      return { step: 'bannedAppealable', phone, notice: null, error: null };
    case 'blocked':
      return { step: 'blockedNoAppeal', phone };
    case 'unavailable':
      return {
        step: 'unavailable',
        phone,
        reason: result.reason,
        retryAt: result.retryAfterSeconds === null ? null : event.now + result.retryAfterSeconds * 1000,
      };
  }
}

function fromChoosingMethod(state: StateOf<'choosingMethod'>, event: FlowEvent): FlowState {
  if (event.type === 'CODE_REQUESTED') {
    return isMethodReady(state.code, event.method, event.now)
      ? { step: 'requestingCode', phone: state.phone, code: state.code, method: event.method, from: 'choosingMethod' }
      : state;
  }
  if (event.type === 'CODE_ENTRY_CHOSEN' && state.code.sentMethod !== null) return awaitingCode(state, state.code, null);
  return state;
}

function fromRequestingCode(state: StateOf<'requestingCode'>, event: FlowEvent): FlowState {
  const { phone, code } = state;
  if (event.type === 'REQUEST_FAILED') {
    if (isOutcomeUnknown(event.error.code)) {
      return { step: 'codeOutcomeUnknown', phone, code: assumeCodeMaybeSent(code, state.method, event.now), method: state.method, error: event.error };
    }
    const waited = withRetryAfter(code, event.error, event.now);
    return state.from === 'awaitingCode'
      ? { step: 'awaitingCode', phone, code: waited, notice: null, error: event.error }
      : { step: 'choosingMethod', phone, code: waited, notice: null, error: event.error };
  }
  if (event.type !== 'CODE_REQUEST_RESOLVED') return state;
  const result = event.result;
  switch (result.outcome) {
    case 'sent':
      return awaitingCode(
        state,
        {
          ...code,
          deadlines: deadlinesFromWaits(result.waits, event.now),
          resendAt: event.now + result.retryAfterSeconds * 1000,
          sentMethod: result.method,
          wrongCodes: 0,
        },
        null,
      );
    case 'captcha':
      return { step: 'solvingCaptcha', phone, code, method: state.method, image: result.image, notice: null, error: null };
    case 'blocked':
      return { step: 'blockedNoAppeal', phone };
    case 'not-sent':
      return {
        step: 'choosingMethod',
        phone,
        code: {
          ...code,
          deadlines: deadlinesFromWaits(result.waits, event.now),
          resendAt: Math.max(code.resendAt, event.now + result.retryAfterSeconds * 1000),
        },
        notice: 'code-not-sent',
        error: null,
      };
  }
}

/** A refusal that says how long to wait (RATE_LIMITED, a budget): every method waits at least that long. */
function withRetryAfter(code: CodeContext, error: FlowError, now: number): CodeContext {
  if (error.retryAfterSeconds === undefined) return code;
  return { ...code, deadlines: holdDeadlines(code.deadlines, now + error.retryAfterSeconds * 1000) };
}

function fromSubmittingCaptcha(state: StateOf<'submittingCaptcha'>, event: FlowEvent): FlowState {
  const { phone, code, method } = state;
  if (event.type === 'REQUEST_FAILED') {
    return { step: 'solvingCaptcha', phone, code, method, image: state.image, notice: null, error: event.error };
  }
  if (event.type !== 'CAPTCHA_RESOLVED') return state;
  if (event.result.outcome === 'accepted') {
    // The accepted answer sent the code and carries no wait: the usual resend wait applies (as on the proxy).
    const resendAt = event.now + DEFAULT_RESEND_SECONDS * 1000;
    return awaitingCode(
      state,
      {
        ...code,
        deadlines: holdDeadlines(code.deadlines, resendAt),
        resendAt,
        sentMethod: method,
        wrongCodes: 0,
      },
      null,
    );
  }
  // A wrong answer: the provider usually sends a new image; without one, the old image is spent.
  return event.result.image
    ? { step: 'solvingCaptcha', phone, code, method, image: event.result.image, notice: 'captcha-wrong', error: null }
    : { step: 'choosingMethod', phone, code, notice: null, error: null };
}

function fromAwaitingCode(state: StateOf<'awaitingCode'>, event: FlowEvent): FlowState {
  const { phone, code } = state;
  if (event.type === 'CODE_SUBMITTED') {
    return hasCodeAttemptsLeft(code) ? { step: 'confirmingCode', phone, code } : state;
  }
  if (event.type === 'CODE_REQUESTED') {
    return isMethodReady(code, event.method, event.now)
      ? { step: 'requestingCode', phone, code, method: event.method, from: 'awaitingCode' }
      : state;
  }
  if (event.type === 'OTHER_METHOD_CHOSEN') return { step: 'choosingMethod', phone, code, notice: null, error: null };
  return state;
}

function fromConfirmingCode(state: StateOf<'confirmingCode'>, event: FlowEvent): FlowState {
  const { phone, code } = state;
  if (event.type === 'REQUEST_FAILED') return { step: 'awaitingCode', phone, code, notice: null, error: event.error };
  if (event.type !== 'CODE_RESOLVED') return state;
  switch (event.result.outcome) {
    case 'connected':
      return { step: 'connected', phone };
    case 'pin-required':
      return awaitingPin(state, null, null);
    case 'transfer-required':
      return awaitingTransfer(state, null);
    case 'wrong-code': {
      const wrongCodes = code.wrongCodes + 1;
      const notice = wrongCodes >= MAX_WRONG_CODES ? 'too-many-wrong-codes' : 'wrong-code';
      return { step: 'awaitingCode', phone, code: { ...code, wrongCodes }, notice, error: null };
    }
  }
}

interface WithPhone {
  phone: PhoneNumber;
}

function awaitingCode(state: WithPhone, code: CodeContext, error: FlowError | null): StateOf<'awaitingCode'> {
  return { step: 'awaitingCode', phone: state.phone, code, notice: null, error };
}

function awaitingPin(
  state: WithPhone,
  notice: StateOf<'awaitingPin'>['notice'],
  error: FlowError | null,
): StateOf<'awaitingPin'> {
  return { step: 'awaitingPin', phone: state.phone, notice, error };
}

function awaitingTransfer(
  state: WithPhone,
  notice: StateOf<'awaitingTransfer'>['notice'],
): StateOf<'awaitingTransfer'> {
  return { step: 'awaitingTransfer', phone: state.phone, notice, error: null };
}
