import { describe, expect, it } from 'vitest';
import { errorReply } from '../../gateway/api-call';
import { zapiAdapter } from '../../providers/zapi';
import { lazySignInGate } from '../sign-in-gate';
import { StateUnavailableError } from '../state/state-unavailable';
import { createGuardedCall } from './guarded-call';

const number = { ddi: '55', phone: '11987654321' };

/** A provider stand-in that answers "available" and counts what reached it. */
function countingContext() {
  const context = {
    adapter: zapiAdapter,
    memory: {},
    sent: 0,
    send: () => {
      context.sent += 1;
      return Promise.resolve({ status: 200, body: { available: true } });
    },
  };
  return context;
}

describe('the sign-in gate a guarded call asks', () => {
  const refusal = errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: 30 });
  const gates = { refused: () => Promise.resolve(refusal), admitted: () => Promise.resolve(null) };

  // Identical calls at once: the second shares the first one's flight.
  it.each([
    ['refused', 'admitted'],
    ['admitted', 'refused'],
  ] as const)('gives each of two identical calls its own sign-in answer (%s first, then %s), and asks the provider once', async (first, second) => {
    const call = createGuardedCall();
    const context = countingContext();
    const answers = await Promise.all([first, second].map((gate) => call('default', 'checkAvailability', number, context, { signInGate: gates[gate] })));
    for (const [index, gate] of [first, second].entries()) {
      if (gate === 'refused') expect(answers[index]).toEqual(refusal);
      else expect(answers[index]?.status).toBe(200);
    }
    expect(context.sent).toBe(1);
  });

  it('asks the store once however often it is read, and answers 503 with no provider call when the store fails', async () => {
    let asked = 0;
    const gate = lazySignInGate(() => {
      asked += 1;
      return Promise.reject(new StateUnavailableError('store down'));
    });
    await expect(gate()).rejects.toThrow('store down');
    await expect(gate()).rejects.toThrow('store down');
    expect(asked).toBe(1);
    const context = countingContext();
    const reply = await createGuardedCall()('default', 'checkAvailability', number, context, { signInGate: gate });
    expect(reply).toMatchObject({ status: 503, body: { code: 'STATE_UNAVAILABLE' } });
    expect(context.sent).toBe(0);
  });
});
