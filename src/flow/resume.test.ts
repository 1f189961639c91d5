import { describe, expect, it } from 'vitest';
import type { Journey } from '../contract/journey';
import { stateFromJourney } from './resume';

const T = Date.UTC(2026, 5, 1, 12);
const journey = (overrides: Partial<Journey> = {}): Journey => ({
  step: 'available',
  number: { ddi: '55', phone: '11987654321', masked: '+55 *********21' },
  codeSent: true,
  sentMethod: 'sms',
  codeExpiresAt: T + 600_000,
  resendAt: T + 40_000,
  deadlines: { sms: T + 40_000, voice: T + 40_000, wa_old: null },
  wrongCodes: 2,
  handoff: null,
  lastEntry: null,
  now: T,
  ...overrides,
});

describe('resuming the journey the proxy keeps', () => {
  it('resumes at code entry with the waits moved onto this browser’s clock', () => {
    // This browser's clock is 5 s ahead of the proxy's.
    expect(stateFromJourney(journey(), T + 5_000)).toEqual({
      step: 'awaitingCode',
      phone: { ddi: '55', phone: '11987654321' },
      code: { deadlines: { sms: T + 45_000, voice: T + 45_000, wa_old: null }, waOldEligible: false, resendAt: T + 45_000, sentMethod: 'sms', wrongCodes: 2 },
      notice: null,
      error: null,
    });
  });

  it('resumes at the method choice when no code is outstanding, and at the PIN, transfer and banned steps', () => {
    expect(stateFromJourney(journey({ codeSent: false }), T)?.step).toBe('choosingMethod');
    expect(stateFromJourney(journey({ step: 'pin' }), T)?.step).toBe('awaitingPin');
    expect(stateFromJourney(journey({ step: 'transfer' }), T)?.step).toBe('awaitingTransfer');
    expect(stateFromJourney(journey({ step: 'banned' }), T)?.step).toBe('bannedAppealable');
  });

  it('resumes nothing with no journey, or one that ended', () => {
    expect(stateFromJourney(journey({ step: 'none', number: null }), T)).toBeNull();
    expect(stateFromJourney(journey({ step: 'connected' }), T)).toBeNull();
    expect(stateFromJourney(journey({ step: 'closed' }), T)).toBeNull();
  });
});
