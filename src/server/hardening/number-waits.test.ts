import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../contract/operations';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { startTestStack, type TestStack } from '../testing';

/** Waits belong to the number: checking another number in between never resets them. */
let stack: TestStack;
let clock: ManualClock;
beforeEach(async () => {
  clock = manualClock(Date.UTC(2026, 5, 1, 12));
  stack = await startTestStack({ LOG_LEVEL: 'silent' }, { guards: { clock } });
});
afterEach(async () => {
  await stack.close();
});

const numberA = { ddi: '55', phone: '11987654321' };
const numberB = { ddi: '55', phone: '11987650000' };
const availability = (number: typeof numberA) => stack.post(operations.checkAvailability.path, number);
const requestCode = (number: typeof numberA) => stack.post(operations.requestCode.path, { ...number, method: 'sms' });
const codeHits = () => stack.provider.hits.get('/mobile/request-registration-code') ?? 0;

describe('waits per number', () => {
  it('code for A, refused resend, availability of B then of A: the next code for A is still refused', async () => {
    await availability(numberA);
    expect((await requestCode(numberA)).status).toBe(200);
    clock.advance(5_000);
    expect((await requestCode(numberA)).status).toBe(429);
    expect((await availability(numberB)).status).toBe(200);
    expect((await availability(numberA)).status).toBe(200);
    const again = await requestCode(numberA);
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 55 });
    expect(again.headers.get('retry-after')).toBe('55');
    expect(codeHits()).toBe(1);
    clock.advance(55_000);
    expect((await requestCode(numberA)).status).toBe(200);
    expect(codeHits()).toBe(2);
  });

  it("checking B keeps A's wrong-code count: a sixth guess for A's code is still refused", async () => {
    await availability(numberA);
    await requestCode(numberA);
    for (let attempt = 0; attempt < 5; attempt += 1) await stack.post(operations.confirmCode.path, { code: '000000' });
    await availability(numberB);
    await availability(numberA);
    const sixth = await stack.post(operations.confirmCode.path, { code: '123456' });
    expect(sixth.status).toBe(429);
    expect(stack.provider.hits.get('/mobile/confirm-registration-code')).toBe(5);
  });

  it("B's own wait is independent of A's", async () => {
    await availability(numberA);
    await requestCode(numberA);
    await availability(numberB);
    expect((await requestCode(numberB)).status).toBe(200);
    expect(codeHits()).toBe(2);
  });
});
