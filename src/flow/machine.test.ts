import { describe, expect, it } from 'vitest';
import { T0, buildAvailable, buildCodeContext, buildSent, phone } from '../test/builders';
import type { FlowEvent } from './events';
import { MAX_WRONG_CODES } from './guards';
import { transition } from './machine';
import { initialState, type FlowState, type StateOf } from './state';

const run = (state: FlowState, ...events: FlowEvent[]) => events.reduce(transition, state);
const choosing = (code = buildCodeContext()): StateOf<'choosingMethod'> => ({ step: 'choosingMethod', phone, code, notice: null, error: null });
const awaiting = (code = buildCodeContext({ sentMethod: 'sms', resendAt: T0 + 60_000 })): StateOf<'awaitingCode'> => ({
  step: 'awaitingCode',
  phone,
  code,
  notice: null,
  error: null,
});

describe('phone entry and availability', () => {
  it('checks a submitted number', () => {
    expect(run(initialState, { type: 'PHONE_SUBMITTED', phone })).toEqual({ step: 'checkingAvailability', phone, previous: null });
  });

  it('goes to the method choice with one deadline per method drawn from the waits', () => {
    const next = run(
      initialState,
      { type: 'PHONE_SUBMITTED', phone },
      { type: 'AVAILABILITY_RESOLVED', result: buildAvailable({ waits: { sms: 90, voice: 30, wa_old: -1 }, waOldEligible: false }), now: T0 },
    );
    expect(next).toMatchObject({
      step: 'choosingMethod',
      code: { deadlines: { sms: T0 + 90_000, voice: T0 + 30_000, wa_old: null }, waOldEligible: false, sentMethod: null },
    });
  });

  it.each([
    [{ outcome: 'banned' } as const, 'bannedAppealable'],
    [{ outcome: 'blocked' } as const, 'blockedNoAppeal'],
  ])('branches on %o', (result, step) => {
    expect(run({ step: 'checkingAvailability', phone, previous: null }, { type: 'AVAILABILITY_RESOLVED', result, now: T0 }).step).toBe(step);
  });

  it('keeps the reason and the wait of an unavailable number', () => {
    const next = run(
      { step: 'checkingAvailability', phone, previous: null },
      { type: 'AVAILABILITY_RESOLVED', result: { outcome: 'unavailable', reason: 'too_many', retryAfterSeconds: 3600 }, now: T0 },
    );
    expect(next).toEqual({ step: 'unavailable', phone, reason: 'too_many', retryAt: T0 + 3_600_000 });
  });

  it('returns to the phone with the number and the error when the check fails', () => {
    const next = run({ step: 'checkingAvailability', phone, previous: null }, { type: 'REQUEST_FAILED', error: { code: 'NETWORK' }, now: T0 });
    expect(next).toEqual({ step: 'phoneEntry', phone, error: { code: 'NETWORK' } });
  });

  it('ignores a second submit while the first is checked', () => {
    const checking: FlowState = { step: 'checkingAvailability', phone, previous: null };
    expect(transition(checking, { type: 'PHONE_SUBMITTED', phone })).toBe(checking);
  });
});

describe('requesting a code', () => {
  it('requests a method whose wait is over', () => {
    expect(run(choosing(), { type: 'CODE_REQUESTED', method: 'voice', now: T0 })).toMatchObject({
      step: 'requestingCode',
      method: 'voice',
      from: 'choosingMethod',
    });
  });

  it('refuses a method still waiting, unavailable, or the pop-up when not eligible', () => {
    const code = buildCodeContext({ deadlines: { sms: T0 + 1000, voice: null, wa_old: T0 }, waOldEligible: false });
    const state = choosing(code);
    for (const method of ['sms', 'voice', 'wa_old'] as const) {
      expect(transition(state, { type: 'CODE_REQUESTED', method, now: T0 })).toBe(state);
    }
    expect(transition(state, { type: 'CODE_REQUESTED', method: 'sms', now: T0 + 1000 }).step).toBe('requestingCode');
  });

  it('awaits the code with the new waits and the resend deadline', () => {
    const next = run(
      choosing(),
      { type: 'CODE_REQUESTED', method: 'sms', now: T0 },
      { type: 'CODE_REQUEST_RESOLVED', result: buildSent({ retryAfterSeconds: 165 }), now: T0 + 500 },
    );
    expect(next).toMatchObject({
      step: 'awaitingCode',
      code: { sentMethod: 'sms', resendAt: T0 + 165_500, deadlines: { sms: T0 + 60_500 }, wrongCodes: 0 },
    });
  });

  it('shows a captcha, and a blocked number', () => {
    const requesting = run(choosing(), { type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    expect(run(requesting, { type: 'CODE_REQUEST_RESOLVED', result: { outcome: 'captcha', image: 'data:image/png;base64,AA==' }, now: T0 })).toMatchObject({
      step: 'solvingCaptcha',
      method: 'sms',
    });
    expect(run(requesting, { type: 'CODE_REQUEST_RESOLVED', result: { outcome: 'blocked' }, now: T0 }).step).toBe('blockedNoAppeal');
  });

  it('goes back to the choice with fresh waits when the code was not sent', () => {
    const requesting = run(choosing(), { type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    const next = run(requesting, {
      type: 'CODE_REQUEST_RESOLVED',
      result: { outcome: 'not-sent', retryAfterSeconds: 98, waits: { sms: 98, voice: 98, wa_old: 98 } },
      now: T0,
    });
    expect(next).toMatchObject({ step: 'choosingMethod', notice: 'code-not-sent', code: { deadlines: { sms: T0 + 98_000 } } });
  });

  it('says the outcome is unknown when the connection broke after sending, and holds every resend', () => {
    const requesting = run(choosing(), { type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    const next = run(requesting, { type: 'REQUEST_FAILED', error: { code: 'UPSTREAM_TIMEOUT' }, now: T0 });
    expect(next).toMatchObject({ step: 'codeOutcomeUnknown', method: 'sms', code: { sentMethod: 'sms', resendAt: T0 + 60_000 } });
    if (next.step !== 'codeOutcomeUnknown') throw new Error(next.step);
    expect(transition(next, { type: 'CODE_REQUESTED', method: 'sms', now: T0 })).toBe(next);
    expect(run(next, { type: 'CODE_ENTRY_CHOSEN' }).step).toBe('awaitingCode');
    expect(run(next, { type: 'RECHECK_REQUESTED' })).toMatchObject({ step: 'checkingAvailability', previous: { sentMethod: 'sms' } });
  });

  it('keeps the resend wait through a re-check', () => {
    const unknown: FlowState = {
      step: 'codeOutcomeUnknown',
      phone,
      code: buildCodeContext({ sentMethod: 'voice', resendAt: T0 + 60_000 }),
      method: 'voice',
      error: null,
    };
    const next = run(unknown, { type: 'RECHECK_REQUESTED' }, { type: 'AVAILABILITY_RESOLVED', result: buildAvailable(), now: T0 });
    expect(next).toMatchObject({ step: 'choosingMethod', code: { sentMethod: 'voice', resendAt: T0 + 60_000 } });
  });

  it('returns to where it came from with the error when the request was refused', () => {
    const requesting = run(awaiting(), { type: 'CODE_REQUESTED', method: 'voice', now: T0 + 60_000 });
    expect(run(requesting, { type: 'REQUEST_FAILED', error: { code: 'PROVIDER_REJECTED' }, now: T0 })).toMatchObject({
      step: 'awaitingCode',
      error: { code: 'PROVIDER_REJECTED' },
    });
  });

  it('makes every method wait for the proxy’s Retry-After', () => {
    const requesting = run(choosing(), { type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    const next = run(requesting, { type: 'REQUEST_FAILED', error: { code: 'RATE_LIMITED', retryAfterSeconds: 30 }, now: T0 });
    expect(next).toMatchObject({ step: 'choosingMethod', code: { deadlines: { sms: T0 + 30_000, voice: T0 + 30_000, wa_old: T0 + 30_000 } } });
  });
});

describe('resending and switching method', () => {
  it('waits for the later of retryAfter and the method’s own wait', () => {
    const code = buildCodeContext({ sentMethod: 'sms', resendAt: T0 + 120_000, deadlines: { sms: T0 + 60_000, voice: T0 + 60_000, wa_old: T0 + 60_000 } });
    const state = awaiting(code);
    expect(transition(state, { type: 'CODE_REQUESTED', method: 'voice', now: T0 + 60_000 })).toBe(state);
    expect(transition(state, { type: 'CODE_REQUESTED', method: 'voice', now: T0 + 120_000 }).step).toBe('requestingCode');
  });

  it('lets the operator go back to the method list, and back to code entry', () => {
    const list = run(awaiting(), { type: 'OTHER_METHOD_CHOSEN' });
    expect(list.step).toBe('choosingMethod');
    expect(run(list, { type: 'CODE_ENTRY_CHOSEN' }).step).toBe('awaitingCode');
    expect(transition(choosing(), { type: 'CODE_ENTRY_CHOSEN' }).step).toBe('choosingMethod');
  });
});

describe('captcha', () => {
  const solving: StateOf<'solvingCaptcha'> = {
    step: 'solvingCaptcha',
    phone,
    code: buildCodeContext(),
    method: 'sms',
    image: 'data:image/png;base64,AA==',
    notice: null,
    error: null,
  };

  it('awaits the code once the answer is accepted, holding resends', () => {
    const next = run(solving, { type: 'CAPTCHA_SUBMITTED' }, { type: 'CAPTCHA_RESOLVED', result: { outcome: 'accepted' }, now: T0 });
    expect(next).toMatchObject({ step: 'awaitingCode', code: { sentMethod: 'sms', resendAt: T0 + 60_000 } });
  });

  it('asks for a new image by requesting the code again with the captcha\'s method, and with no other', () => {
    expect(run(solving, { type: 'CODE_REQUESTED', method: 'sms', now: T0 })).toMatchObject({ step: 'requestingCode', method: 'sms' });
    expect(transition(solving, { type: 'CODE_REQUESTED', method: 'voice', now: T0 })).toBe(solving);
    const refreshed = run(
      solving,
      { type: 'CODE_REQUESTED', method: 'sms', now: T0 },
      { type: 'CODE_REQUEST_RESOLVED', result: { outcome: 'captcha', image: 'data:image/png;base64,CC==' }, now: T0 },
    );
    expect(refreshed).toMatchObject({ step: 'solvingCaptcha', image: 'data:image/png;base64,CC==', notice: null });
  });

  it('shows the new image after a wrong answer, or the method list when none came', () => {
    const submitting = run(solving, { type: 'CAPTCHA_SUBMITTED' });
    expect(run(submitting, { type: 'CAPTCHA_RESOLVED', result: { outcome: 'rejected', image: 'data:image/png;base64,BB==' }, now: T0 })).toMatchObject({
      step: 'solvingCaptcha',
      image: 'data:image/png;base64,BB==',
      notice: 'captcha-wrong',
    });
    expect(run(submitting, { type: 'CAPTCHA_RESOLVED', result: { outcome: 'rejected', image: null }, now: T0 }).step).toBe('choosingMethod');
  });
});

describe('confirming the code', () => {
  it.each([
    [{ outcome: 'connected' } as const, 'connected'],
    [{ outcome: 'pin-required' } as const, 'awaitingPin'],
    [{ outcome: 'transfer-required' } as const, 'awaitingTransfer'],
  ])('goes from %o to %s', (result, step) => {
    expect(run(awaiting(), { type: 'CODE_SUBMITTED' }, { type: 'CODE_RESOLVED', result }).step).toBe(step);
  });

  it('counts wrong codes and stops confirming after the fifth', () => {
    let state: FlowState = awaiting();
    for (let attempt = 1; attempt <= MAX_WRONG_CODES; attempt++) {
      state = run(state, { type: 'CODE_SUBMITTED' }, { type: 'CODE_RESOLVED', result: { outcome: 'wrong-code' } });
      expect(state).toMatchObject({ step: 'awaitingCode', code: { wrongCodes: attempt } });
    }
    expect(state).toMatchObject({ notice: 'too-many-wrong-codes' });
    expect(transition(state, { type: 'CODE_SUBMITTED' })).toBe(state);
  });

  it('starts counting again with a new code', () => {
    const tired = awaiting(buildCodeContext({ sentMethod: 'sms', resendAt: T0, wrongCodes: MAX_WRONG_CODES }));
    const next = run(
      tired,
      { type: 'CODE_REQUESTED', method: 'sms', now: T0 },
      { type: 'CODE_REQUEST_RESOLVED', result: buildSent(), now: T0 },
    );
    expect(next).toMatchObject({ step: 'awaitingCode', code: { wrongCodes: 0 } });
  });

  it('keeps the step with the error when the confirmation fails', () => {
    const next = run(awaiting(), { type: 'CODE_SUBMITTED' }, { type: 'REQUEST_FAILED', error: { code: 'UPSTREAM_UNAVAILABLE' }, now: T0 });
    expect(next).toMatchObject({ step: 'awaitingCode', error: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});

describe('PIN, transfer and appeal', () => {
  const pin: FlowState = { step: 'awaitingPin', phone, notice: null, error: null };
  const transfer: FlowState = { step: 'awaitingTransfer', phone, notice: null, error: null };
  const banned: FlowState = { step: 'bannedAppealable', phone, notice: null, error: null };

  it('connects, asks for the transfer, or says the PIN is wrong', () => {
    expect(run(pin, { type: 'PIN_SUBMITTED' }, { type: 'PIN_RESOLVED', result: { outcome: 'connected' } }).step).toBe('connected');
    expect(run(pin, { type: 'PIN_SUBMITTED' }, { type: 'PIN_RESOLVED', result: { outcome: 'transfer-required' } }).step).toBe('awaitingTransfer');
    expect(run(pin, { type: 'PIN_SUBMITTED' }, { type: 'PIN_RESOLVED', result: { outcome: 'wrong-pin' } })).toMatchObject({
      step: 'awaitingPin',
      notice: 'wrong-pin',
    });
  });

  it('says where the PIN reset went, or that there is no e-mail', () => {
    expect(run(pin, { type: 'PIN_RECOVERY_REQUESTED' }, { type: 'PIN_RECOVERY_RESOLVED', result: { outcome: 'email-sent' } })).toMatchObject({
      notice: 'recovery-sent',
    });
    expect(run(pin, { type: 'PIN_RECOVERY_REQUESTED' }, { type: 'PIN_RECOVERY_RESOLVED', result: { outcome: 'no-email' } })).toMatchObject({
      notice: 'recovery-no-email',
    });
  });

  it('stays on the transfer until the old phone accepted', () => {
    expect(run(transfer, { type: 'TRANSFER_CONFIRMED' }, { type: 'TRANSFER_RESOLVED', result: { outcome: 'not-accepted-yet' } })).toMatchObject({
      step: 'awaitingTransfer',
      notice: 'not-accepted-yet',
    });
    expect(run(transfer, { type: 'TRANSFER_CONFIRMED' }, { type: 'TRANSFER_RESOLVED', result: { outcome: 'connected' } }).step).toBe('connected');
  });

  it.each([
    [{ outcome: 'in-review' } as const, 'appealInReview'],
    [{ outcome: 'unbanned' } as const, 'unbanned'],
    [{ outcome: 'rejected' } as const, 'bannedAppealable'],
  ])('ends an appeal answered %o in %s', (result, step) => {
    expect(run(banned, { type: 'APPEAL_SUBMITTED' }, { type: 'APPEAL_RESOLVED', result }).step).toBe(step);
  });

  it('registers again after an unban', () => {
    expect(run({ step: 'unbanned', phone }, { type: 'PHONE_SUBMITTED', phone }).step).toBe('checkingAvailability');
  });
});

describe('leaving the journey', () => {
  it('changes the number keeping it for editing, and starts over clean', () => {
    expect(run(awaiting(), { type: 'CHANGE_NUMBER' })).toEqual({ step: 'phoneEntry', phone, error: null });
    expect(run(awaiting(), { type: 'START_OVER' })).toEqual(initialState);
  });

  it('does not leave while a request is in flight', () => {
    const confirming: FlowState = { step: 'confirmingCode', phone, code: buildCodeContext() };
    expect(transition(confirming, { type: 'START_OVER' })).toBe(confirming);
    expect(transition(confirming, { type: 'CHANGE_NUMBER' })).toBe(confirming);
  });

  it('ignores events that do not belong to the step', () => {
    const connected: FlowState = { step: 'connected', phone };
    expect(transition(connected, { type: 'CODE_SUBMITTED' })).toBe(connected);
    expect(transition(initialState, { type: 'CODE_RESOLVED', result: { outcome: 'connected' } })).toBe(initialState);
  });
});
