import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../fake-provider/clock';
import type { RunContext } from '../../gateway/run-operation';
import { zapiAdapter } from '../../providers/zapi';
import { createGuardedCall } from '../guards/guarded-call';
import { defaultGuardLimits } from '../../flow/limits';
import { startTestStack, type TestStack } from '../testing/proxy-under-test';

/**
 * Memory that grows with attacker input: heap growth after 10,000 rotated numbers and after 10,000
 * failed sign-ins from distinct addresses, measured after a full GC, must stay under 5 MB each.
 */
setFlagsFromString('--expose-gc');
const exposedGc: unknown = runInNewContext('gc');
function collect(): void {
  if (typeof exposedGc !== 'function') throw new Error('gc is not exposed');
  Reflect.apply(exposedGc, undefined, []);
}

function heapAfterGc(): number {
  for (let round = 0; round < 3; round += 1) collect();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
const LIMIT = 5 * MB;
const figures: string[] = [];
afterAll(() => {
  process.stdout.write(`${figures.join('\n')}\n`);
});

/** A provider that answers at once and keeps nothing, so only the proxy's memory is measured. */
const instantProvider: RunContext = {
  adapter: zapiAdapter,
  memory: {},
  send: (request) =>
    Promise.resolve(
      request.path.endsWith('/registration-available')
        ? { status: 200, body: { available: true, smsWaitSeconds: 0, voiceWaitSeconds: 0, waOldWaitSeconds: 0 } }
        : { status: 200, body: { success: true, retryAfter: 60, smsWaitSeconds: 60, voiceWaitSeconds: 60, waOldWaitSeconds: 60 } },
    ),
};

describe('bounded memory', () => {
  it('10,000 rotated numbers through the guards (budgets opened wide, 37 s apart) grow the heap by under 5 MB', async () => {
    const clock = manualClock(Date.UTC(2026, 5, 1, 12));
    // Every number passes (budgets ten times the defaults and more, numbers spread over 100 hours),
    // so every log, record and counter fills and has to be swept.
    const wide = { ...defaultGuardLimits, numbersPerInstancePerHour: 100, codeRequestsPerInstancePerHour: 1_000_000, codeRequestsPerProxyPerHour: 1_000_000 };
    const call = createGuardedCall({ clock, limits: wide });
    const rotate = async (from: number, count: number) => {
      for (let index = from; index < from + count; index += 1) {
        const number = { ddi: '55', phone: `119${String(index).padStart(8, '0')}` };
        await call('default', 'checkAvailability', number, instantProvider);
        const reply = await call('default', 'requestCode', { ...number, method: 'sms' }, instantProvider);
        if (reply.status !== 200) throw new Error(`code request ${index} answered ${reply.status}`);
        clock.advance(37_000);
      }
    };
    await rotate(0, 500);
    const before = heapAfterGc();
    await rotate(500, 10_000);
    const growth = heapAfterGc() - before;
    figures.push(`heap growth after 10,000 rotated numbers: ${(growth / MB).toFixed(2)} MB`);
    expect(growth).toBeLessThan(LIMIT);
  }, 240_000);

  it('10,000 failed sign-ins from distinct addresses grow the heap by under 5 MB', async () => {
    // Over real HTTP, each from its own address as a trusted reverse proxy reports it.
    let stack: TestStack | null = await startTestStack({
      OPERATOR_USER: 'operator',
      OPERATOR_PASSWORD: 'correct horse battery staple',
      TRUST_PROXY: '127.0.0.1',
      LOG_LEVEL: 'silent',
    });
    const url = `${stack.server.url}/api/v1/instance/status`;
    const wrong = `Basic ${Buffer.from('operator:wrong password!').toString('base64')}`;
    const fail = async (from: number, count: number) => {
      for (let index = from; index < from + count; index += 1) {
        const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
        const reply = await fetch(url, { headers: { authorization: wrong, 'x-forwarded-for': address } });
        await reply.arrayBuffer();
        if (reply.status !== 401) throw new Error(`sign-in ${index} answered ${reply.status}`);
      }
    };
    await fail(0, 500);
    const before = heapAfterGc();
    await fail(500, 10_000);
    const growth = heapAfterGc() - before;
    figures.push(`heap growth after 10,000 failed sign-ins from distinct addresses: ${(growth / MB).toFixed(2)} MB`);
    expect(growth).toBeLessThan(LIMIT);
    await stack.close();
    stack = null;
  }, 240_000);
});
