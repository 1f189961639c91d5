import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../../contract/operations';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { inProcessSend } from '../../fake-provider/in-process';
import { createSimulatedProvider } from '../../fake-provider/simulated-provider';
import { zapiAdapter } from '../../providers/zapi';
import { createGuardedCall } from '../guards/guarded-call';
import { defaultGuardLimits } from '../../flow/limits';
import { canary, startTestStack, type TestStack } from '../testing/proxy-under-test';

/** SMS pumping: one client rotating numbers to make the provider send code after code. */
let stack: TestStack | undefined;
let clock: ManualClock;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const numberAt = (index: number) => ({ ddi: '55', phone: `1198000${String(index).padStart(4, '0')}` });
const codeHits = () => stack?.provider.hits.get('/mobile/request-registration-code') ?? 0;

async function start(env: Record<string, string> = {}): Promise<TestStack> {
  clock = manualClock(Date.UTC(2026, 5, 1, 12));
  stack = await startTestStack({ LOG_LEVEL: 'info', ...env }, { guards: { clock } });
  return stack;
}

describe('code requests per instance (CODE_REQUESTS_PER_INSTANCE_PER_HOUR, default 10)', () => {
  it('rotating 30 numbers sends 10 codes; the rest are refused with 429, Retry-After and no provider call', async () => {
    const proxy = await start({ NUMBERS_PER_INSTANCE_PER_HOUR: '1000' });
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<TestStack['post']>> | null = null;
    for (let index = 0; index < 30; index += 1) {
      await proxy.post(operations.checkAvailability.path, numberAt(index));
      const reply = await proxy.post(operations.requestCode.path, { ...numberAt(index), method: 'sms' });
      statuses.push(reply.status);
      if (reply.status === 429) refusal ??= reply;
      clock.advance(1_000);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(codeHits()).toBe(10);
    expect(refusal?.body).toEqual({
      code: 'INSTANCE_CODE_BUDGET',
      message: 'This instance asked for too many verification codes in the last hour.',
      retryAfterSeconds: 3600 - 10,
    });
    expect(refusal?.headers.get('retry-after')).toBe(String(3600 - 10));
    // Each refusal is one log line, with the number masked.
    const refusals = proxy.logs.filter((line) => line.includes('INSTANCE_CODE_BUDGET'));
    expect(refusals).toHaveLength(20);
    expect(refusals[0]).toContain('"number":"+55 *********10"');
    expect(proxy.logs.join('\n')).not.toContain(numberAt(10).phone);
    // An hour after the first code, the instance may ask again.
    clock.advance(3600_000);
    await proxy.post(operations.checkAvailability.path, numberAt(99));
    expect((await proxy.post(operations.requestCode.path, { ...numberAt(99), method: 'sms' })).status).toBe(200);
  });

  it('is configurable', async () => {
    const proxy = await start({ CODE_REQUESTS_PER_INSTANCE_PER_HOUR: '2' });
    for (let index = 0; index < 3; index += 1) {
      await proxy.post(operations.checkAvailability.path, numberAt(index));
      await proxy.post(operations.requestCode.path, { ...numberAt(index), method: 'sms' });
    }
    expect(codeHits()).toBe(2);
  });
});

describe('distinct numbers per instance (NUMBERS_PER_INSTANCE_PER_HOUR, default 10)', () => {
  it('refuses an 11th new number with NUMBER_BUDGET and no provider call; numbers already checked pass', async () => {
    const proxy = await start();
    for (let index = 0; index < 10; index += 1) expect((await proxy.post(operations.checkAvailability.path, numberAt(index))).status).toBe(200);
    const eleventh = await proxy.post(operations.checkAvailability.path, numberAt(10));
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ code: 'NUMBER_BUDGET', retryAfterSeconds: 3600 });
    expect(stack?.provider.hits.get('/mobile/registration-available')).toBe(10);
    expect((await proxy.post(operations.checkAvailability.path, numberAt(3))).status).toBe(200);
  });
});

describe('code requests for the whole proxy (CODE_REQUESTS_PER_HOUR, default 100)', () => {
  it('counts every instance together: a second instance meets the proxy budget the first one used up', async () => {
    const now = manualClock(Date.UTC(2026, 5, 1, 12));
    const provider = createSimulatedProvider({ instances: [canary], clock: now });
    const context = () => ({ adapter: zapiAdapter, memory: {}, send: inProcessSend(provider, { baseUrl: 'https://sim.invalid', ...canary }) });
    const call = createGuardedCall({ clock: now, limits: { ...defaultGuardLimits, codeRequestsPerProxyPerHour: 15, numbersPerInstancePerHour: 100 } });
    const codes: Record<string, number[]> = { first: [], second: [] };
    const bodies: unknown[] = [];
    for (const instance of ['first', 'second'] as const) {
      const own = context();
      for (let index = 0; index < 12; index += 1) {
        const number = numberAt(index + (instance === 'first' ? 0 : 100));
        await call(instance, 'checkAvailability', number, own);
        const reply = await call(instance, 'requestCode', { ...number, method: 'sms' }, own);
        codes[instance]?.push(reply.status);
        bodies.push(reply.body);
      }
    }
    // The first instance stops at its own budget (10); the second gets the 5 the proxy has left.
    expect(codes.first?.filter((status) => status === 200)).toHaveLength(10);
    expect(codes.second?.filter((status) => status === 200)).toHaveLength(5);
    expect(bodies).toContainEqual(expect.objectContaining({ code: 'PROXY_CODE_BUDGET' }));
    expect(provider.hits.get('/mobile/request-registration-code')).toBe(15);
  });
});
