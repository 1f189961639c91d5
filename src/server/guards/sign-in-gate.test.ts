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
  it('stops a refused caller before the provider, and lets an admitted caller that shared its flight run the call', async () => {
    const call = createGuardedCall();
    const context = countingContext();
    const refusal = errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: 30 });
    // Identical calls at once: the second shares the first one's flight, and the first is refused.
    const [refused, admitted] = await Promise.all([
      call('default', 'checkAvailability', number, context, { signInGate: () => Promise.resolve(refusal) }),
      call('default', 'checkAvailability', number, context, { signInGate: () => Promise.resolve(null) }),
    ]);
    expect(refused).toEqual(refusal);
    expect(admitted.status).toBe(200);
    expect(context.sent).toBe(1);
  });

  it('gives a refused caller its refusal even when an admitted identical call ran the provider call', async () => {
    const call = createGuardedCall();
    const context = countingContext();
    const refusal = errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: 30 });
    const [admitted, refused] = await Promise.all([
      call('default', 'checkAvailability', number, context, { signInGate: () => Promise.resolve(null) }),
      call('default', 'checkAvailability', number, context, { signInGate: () => Promise.resolve(refusal) }),
    ]);
    expect(admitted.status).toBe(200);
    expect(refused).toEqual(refusal);
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
