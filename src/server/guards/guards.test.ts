import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { magicNumbers } from '../../fake-provider/scenarios';
import { startTestStack, type TestStack } from '../testing/proxy-under-test';

let stack: TestStack;
let clock: ManualClock;
async function start(): Promise<void> {
  clock = manualClock(Date.UTC(2026, 5, 1, 12));
  stack = await startTestStack({ LOG_LEVEL: 'silent' }, { guards: { clock } });
}
afterEach(async () => {
  await stack.close();
});

const api = (path: string) => `/api/v1${path}`;
const happy = { ddi: '55', phone: '11987654321' };
const hits = (path: string) => stack.provider.hits.get(path) ?? 0;
const totalHits = () => [...stack.provider.hits.values()].reduce((sum, count) => sum + count, 0);
const availability = (number = happy) => stack.post(api('/registration/availability'), number);
const requestCode = (number = happy, method = 'sms') => stack.post(api('/registration/code-request'), { ...number, method });
const confirm = (code: string) => stack.post(api('/registration/code-confirmation'), { code });
const confirmPin = (pin: string) => stack.post(api('/registration/pin-confirmation'), { pin });

describe('step order (S-07)', () => {
  it.each([
    ['/registration/code-request', { ...happy, method: 'sms' }],
    ['/registration/code-confirmation', { code: '123456' }],
    ['/registration/captcha', { answer: 'abc123' }],
    ['/registration/pin-confirmation', { pin: '246810' }],
    ['/registration/pin-recovery', {}],
    ['/registration/transfer-confirmation', {}],
    ['/registration/appeal', { description: 'This number belongs to our support desk since 2019.' }],
  ])('refuses %s on a fresh instance with 409 and no upstream call', async (path, body) => {
    await start();
    const reply = await stack.post(api(path), body);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    expect(totalHits()).toBe(0);
  });

  it('binds the code request to the number whose availability was checked', async () => {
    await start();
    await availability();
    const other = await requestCode({ ddi: '55', phone: '11987650000' });
    expect(other.status).toBe(409);
    expect(hits('/mobile/request-registration-code')).toBe(0);
  });

  it('refuses a PIN before the code asked for one, and takes it once it did', async () => {
    await start();
    const number = { ddi: '55', phone: magicNumbers.pin };
    await availability(number);
    await requestCode(number);
    expect((await confirmPin('246810')).status).toBe(409);
    expect((await confirm('123456')).body).toEqual({ outcome: 'pin-required' });
    expect((await confirmPin('246810')).body).toEqual({ outcome: 'connected' });
    expect(hits('/mobile/confirm-pin-code')).toBe(1);
  });

  it('allows the appeal only for a banned number', async () => {
    await start();
    const description = { description: 'This number belongs to our support desk since 2019.' };
    await availability();
    expect((await stack.post(api('/registration/appeal'), description)).status).toBe(409);
    await availability({ ddi: '55', phone: magicNumbers.bannedInReview });
    expect((await stack.post(api('/registration/appeal'), description)).body).toEqual({ outcome: 'in-review' });
    expect(hits('/mobile/request-unbanning')).toBe(1);
  });
});

describe('waits and attempt limits (S-06)', () => {
  it('refuses a code request before the provider wait ends, with Retry-After and no upstream call', async () => {
    await start();
    await availability();
    expect((await requestCode()).body).toMatchObject({ outcome: 'sent', retryAfterSeconds: 60 });
    clock.advance(15_000);
    const early = await requestCode(happy, 'voice');
    expect(early.status).toBe(429);
    expect(early.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 45 });
    expect(early.headers.get('retry-after')).toBe('45');
    expect(hits('/mobile/request-registration-code')).toBe(1);
    clock.advance(45_000);
    expect((await requestCode(happy, 'voice')).body).toMatchObject({ outcome: 'sent' });
    expect(hits('/mobile/request-registration-code')).toBe(2);
  });

  it('honours the waits of the availability answer per method', async () => {
    await start();
    const number = { ddi: '55', phone: magicNumbers.cooldowns };
    await availability(number);
    expect((await requestCode(number, 'sms')).body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 90 });
    expect((await requestCode(number, 'voice')).body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(hits('/mobile/request-registration-code')).toBe(0);
  });

  it('sends at most 5 code requests per number per hour', async () => {
    await start();
    await availability();
    for (let sent = 0; sent < 5; sent += 1) {
      expect((await requestCode()).status).toBe(200);
      clock.advance(61_000);
    }
    const sixth = await requestCode();
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 - 5 * 61 });
    expect(hits('/mobile/request-registration-code')).toBe(5);
    clock.advance(3600_000);
    expect((await requestCode()).status).toBe(200);
  });

  it('takes at most 5 wrong codes per issued code, then asks for a new code', async () => {
    await start();
    await availability();
    await requestCode();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await confirm('000000')).body).toEqual({ outcome: 'wrong-code' });
    const sixth = await confirm('123456');
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(hits('/mobile/confirm-registration-code')).toBe(5);
    clock.advance(60_000);
    await requestCode();
    expect((await confirm('123456')).body).toEqual({ outcome: 'connected' });
  });

  it('takes at most 20 wrong codes per number per hour, whatever the number of codes', async () => {
    await start();
    await availability();
    for (let code = 0; code < 4; code += 1) {
      expect((await requestCode()).status).toBe(200);
      for (let attempt = 0; attempt < 5; attempt += 1) await confirm('000000');
      clock.advance(61_000);
    }
    expect((await requestCode()).status).toBe(200);
    const refused = await confirm('123456');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(hits('/mobile/confirm-registration-code')).toBe(20);
  });

  it('takes at most 5 wrong PINs per PIN step', async () => {
    await start();
    const number = { ddi: '55', phone: magicNumbers.pin };
    await availability(number);
    await requestCode(number);
    await confirm('123456');
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await confirmPin('000000')).body).toEqual({ outcome: 'wrong-pin' });
    expect((await confirmPin('246810')).status).toBe(429);
    expect(hits('/mobile/confirm-pin-code')).toBe(5);
  });
});

describe('identical calls in flight', () => {
  it('collapse into one upstream call that every caller shares (R-14)', async () => {
    await start();
    await availability();
    await requestCode();
    const replies = await Promise.all(Array.from({ length: 50 }, () => confirm('123456')));
    expect(hits('/mobile/confirm-registration-code')).toBe(1);
    for (const reply of replies) {
      // The shared answer, or, for a late arrival after it, the refusal of a step already taken.
      if (reply.status === 200) expect(reply.body).toEqual({ outcome: 'connected' });
      else expect(reply.body).toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    }
    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThan(0);
  });
});
