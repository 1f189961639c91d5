import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { errorBodySchema } from '../contract/errors';
import { registrationOperations } from '../contract/registration-operations';
import { magicNumbers } from '../fake-provider/scenarios';
import { createJourneyRunner, type JourneyRunner, type RegistrationCall, type RegistrationOperationName, type RegistrationOutput } from '../flow/journey-runner';
import { initialState } from '../flow/state';
import { createFlowStore, type FlowStore } from '../flow/store';
import { createMockApi, type MockApi } from './api-handlers';

type Parsers = { [N in RegistrationOperationName]: (body: unknown) => RegistrationOutput<N> };

/** Each answer parsed with its contract schema, as the browser's client does. */
const parsers: Parsers = {
  checkAvailability: (body) => z.parse(registrationOperations.checkAvailability.response, body),
  requestCode: (body) => z.parse(registrationOperations.requestCode.response, body),
  answerCaptcha: (body) => z.parse(registrationOperations.answerCaptcha.response, body),
  confirmCode: (body) => z.parse(registrationOperations.confirmCode.response, body),
  confirmPin: (body) => z.parse(registrationOperations.confirmPin.response, body),
  recoverPin: (body) => z.parse(registrationOperations.recoverPin.response, body),
  confirmTransfer: (body) => z.parse(registrationOperations.confirmTransfer.response, body),
  requestUnbanning: (body) => z.parse(registrationOperations.requestUnbanning.response, body),
};

/**
 * The runner over the demo's stand-in for the proxy (the same guards) and the in-process simulated
 * provider: a whole journey with no React and no DOM.
 */
function callThrough(api: MockApi): RegistrationCall {
  return async (name, input) => {
    const reply = await api.operate(name, input);
    if (reply.status !== 200) {
      const { code, retryAfterSeconds } = errorBodySchema.parse(reply.body);
      return { ok: false, error: retryAfterSeconds === undefined ? { code } : { code, retryAfterSeconds } };
    }
    const parse: Parsers[typeof name] = parsers[name];
    return { ok: true, value: parse(reply.body) };
  };
}

const clock = { now: () => Date.now() };
const registrationHits = (api: MockApi) => [...api.provider.hits].filter(([path]) => path.startsWith('/mobile/')).reduce((sum, [, hits]) => sum + hits, 0);

describe('the journey runner, driven without React', () => {
  let api: MockApi;
  let store: FlowStore;
  let runner: JourneyRunner;

  beforeEach(() => {
    // Only the date moves by hand: the device transfer is accepted 10 seconds after it was asked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T12:00:00Z'));
    api = createMockApi();
    store = createFlowStore(initialState);
    runner = createJourneyRunner(store, callThrough(api), clock);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function step(action: () => void): Promise<string> {
    action();
    await runner.idle();
    return store.getState().step;
  }

  it('registers a number by SMS: a wrong code is said, the right one connects', async () => {
    expect(await step(() => runner.submitPhone({ ddi: '55', phone: '11987654321' }))).toBe('choosingMethod');
    expect(await step(() => runner.requestCode('sms'))).toBe('awaitingCode');
    expect(await step(() => runner.confirmCode('111111'))).toBe('awaitingCode');
    expect(store.getState()).toMatchObject({ notice: 'wrong-code', code: { wrongCodes: 1 } });
    expect(await step(() => runner.confirmCode('123456'))).toBe('connected');
  });

  it('goes through the two-step PIN and the device transfer, with a wrong PIN and a transfer not accepted yet', async () => {
    expect(await step(() => runner.submitPhone({ ddi: '55', phone: magicNumbers.pinThenTransfer }))).toBe('choosingMethod');
    expect(await step(() => runner.requestCode('sms'))).toBe('awaitingCode');
    expect(await step(() => runner.confirmCode('123456'))).toBe('awaitingPin');
    expect(await step(() => runner.confirmPin('000000'))).toBe('awaitingPin');
    expect(store.getState()).toMatchObject({ notice: 'wrong-pin' });
    expect(await step(() => runner.confirmPin('246810'))).toBe('awaitingTransfer');
    expect(await step(() => runner.confirmTransfer())).toBe('awaitingTransfer');
    expect(store.getState()).toMatchObject({ notice: 'not-accepted-yet' });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await step(() => runner.confirmTransfer())).toBe('connected');
  });

  it('sends nothing for an intent the machine refuses, and one request for a double submit', async () => {
    await step(() => runner.confirmCode('123456'));
    expect(store.getState().step).toBe('phoneEntry');
    expect(registrationHits(api)).toBe(0);

    runner.submitPhone({ ddi: '55', phone: '11987654321' });
    runner.submitPhone({ ddi: '55', phone: '11987654321' });
    await runner.idle();
    expect(api.provider.hits.get('/mobile/registration-available')).toBe(1);
  });

  it('shows the proxy’s refusal when a code is asked for again before its wait', async () => {
    await step(() => runner.submitPhone({ ddi: '55', phone: '11987654321' }));
    await step(() => runner.requestCode('sms'));
    // The machine waits too; a second tab's request is what the guards are for.
    const refused = await api.operate('requestCode', { ddi: '55', phone: '11987654321', method: 'sms' });
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(api.provider.hits.get('/mobile/request-registration-code')).toBe(1);
  });
});
