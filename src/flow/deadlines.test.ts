import { describe, expect, it } from 'vitest';
import { T0, buildCodeContext } from '../test/builders';
import { deadlinesFromWaits, methodStatus, remainingSeconds } from './deadlines';

describe('deadlines', () => {
  it('turns waits into absolute times, -1 into unavailable', () => {
    expect(deadlinesFromWaits({ sms: 90, voice: 0, wa_old: -1 }, T0)).toEqual({ sms: T0 + 90_000, voice: T0, wa_old: null });
  });

  it('rounds the remaining time up and never below zero', () => {
    expect(remainingSeconds(T0 + 1500, T0)).toBe(2);
    expect(remainingSeconds(T0 + 1000, T0)).toBe(1);
    expect(remainingSeconds(T0, T0 + 5000)).toBe(0);
  });

  it('draws the countdown from the deadline, so a jump in time shows the truth at once', () => {
    const code = buildCodeContext({ deadlines: { sms: T0 + 300_000, voice: T0, wa_old: T0 } });
    expect(methodStatus(code, 'sms', T0)).toEqual({ kind: 'waiting', readyAt: T0 + 300_000 });
    expect(methodStatus(code, 'sms', T0 + 300_000)).toEqual({ kind: 'ready' });
  });

  it('names unavailable and ineligible methods apart', () => {
    const code = buildCodeContext({ deadlines: { sms: null, voice: T0, wa_old: T0 }, waOldEligible: false });
    expect(methodStatus(code, 'sms', T0)).toEqual({ kind: 'unavailable' });
    expect(methodStatus(code, 'wa_old', T0)).toEqual({ kind: 'ineligible' });
  });

  it('holds every method until retryAfter once a code was sent', () => {
    const code = buildCodeContext({ sentMethod: 'sms', resendAt: T0 + 120_000 });
    expect(methodStatus(code, 'voice', T0 + 60_000)).toEqual({ kind: 'waiting', readyAt: T0 + 120_000 });
  });
});
