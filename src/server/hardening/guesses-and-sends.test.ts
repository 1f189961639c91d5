import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../../contract/operations';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { magicNumbers, simulatedSecrets } from '../../fake-provider/scenarios';
import { startTestStack, type TestStack } from '../testing/proxy-under-test';

/** Every guess is counted and every send has a budget, past the registration code itself. */
let stack: TestStack | undefined;
let clock: ManualClock;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestStack> {
  clock = manualClock(Date.UTC(2026, 5, 1, 12));
  stack = await startTestStack({ LOG_LEVEL: 'silent', ...env }, { guards: { clock } });
  return stack;
}
const hits = (path: string) => stack?.provider.hits.get(path) ?? 0;
const verifyHits = () => [...(stack?.provider.hits.entries() ?? [])].filter(([path]) => /verif/i.test(path) && /mail/i.test(path)).reduce((sum, [, count]) => sum + count, 0);

async function connect(proxy: TestStack): Promise<void> {
  const number = { ddi: '55', phone: '11987654321' };
  await proxy.post(operations.checkAvailability.path, number);
  await proxy.post(operations.requestCode.path, { ...number, method: 'sms' });
  expect((await proxy.post(operations.confirmCode.path, { code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'connected' });
}

describe('e-mail verification codes', () => {
  it('after 5 wrong codes the right one is refused (CHALLENGE_EXHAUSTED) and never reaches the provider', async () => {
    const proxy = await start();
    await connect(proxy);
    expect((await proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' })).body).toEqual({ outcome: 'verification-sent' });
    for (let guess = 0; guess < 5; guess += 1) {
      expect((await proxy.post(operations.verifyAccountEmail.path, { code: `00000${guess}` })).body).toEqual({ outcome: 'wrong-code' });
    }
    const before = verifyHits();
    const right = await proxy.post(operations.verifyAccountEmail.path, { code: simulatedSecrets.emailVerificationCode });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ code: 'CHALLENGE_EXHAUSTED', message: 'No attempts are left for this code; ask for a new one.' });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(verifyHits()).toBe(before);
    // A new code opens a new challenge.
    clock.advance(1_000);
    await proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' });
    expect((await proxy.post(operations.verifyAccountEmail.path, { code: simulatedSecrets.emailVerificationCode })).body).toEqual({ outcome: 'verified' });
  });

  it('takes at most 20 guesses per instance per hour, whatever the number of codes (GUESS_BUDGET)', async () => {
    const proxy = await start({ EMAIL_SENDS_PER_INSTANCE_PER_HOUR: '100' });
    await connect(proxy);
    const statuses: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      clock.advance(1_000);
      await proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' });
      for (let guess = 0; guess < 5; guess += 1) statuses.push((await proxy.post(operations.verifyAccountEmail.path, { code: '000000' })).status);
    }
    // The registration code confirmation was one guess of the twenty.
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    const last = await proxy.post(operations.verifyAccountEmail.path, { code: '000000' });
    expect(last.body).toMatchObject({ code: 'GUESS_BUDGET' });
  });
});

describe('sends per instance', () => {
  it('set-e-mail mails at most 5 codes an hour (EMAIL_SEND_BUDGET)', async () => {
    const proxy = await start();
    await connect(proxy);
    const statuses: number[] = [];
    for (let send = 0; send < 8; send += 1) statuses.push((await proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' });
    expect(refused.body).toMatchObject({ code: 'EMAIL_SEND_BUDGET', retryAfterSeconds: 3600 });
  });

  it('asks for at most 10 pairing codes an hour (PAIRING_CODE_BUDGET)', async () => {
    const proxy = await start();
    const statuses: number[] = [];
    for (let ask = 0; ask < 12; ask += 1) statuses.push((await proxy.post(operations.requestPairingCode.path, { ddi: '55', phone: '11987654321' })).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    const refused = await proxy.post(operations.requestPairingCode.path, { ddi: '55', phone: '11987654321' });
    expect(refused.body).toMatchObject({ code: 'PAIRING_CODE_BUDGET' });
    expect(refused.headers.get('retry-after')).toBe('3600');
  });

  it('fetches at most 60 QR codes an hour (QR_CODE_BUDGET)', async () => {
    const proxy = await start({ QR_CODES_PER_INSTANCE_PER_HOUR: '4' });
    const statuses: number[] = [];
    for (let fetch = 0; fetch < 6; fetch += 1) statuses.push((await proxy.get(operations.getQrCode.path)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await proxy.get(operations.getQrCode.path)).body).toMatchObject({ code: 'QR_CODE_BUDGET' });
  });
});

describe('captcha answers and PINs', () => {
  it('takes at most 5 answers per captcha, then a new code request is needed (CHALLENGE_EXHAUSTED)', async () => {
    const proxy = await start();
    const number = { ddi: '55', phone: magicNumbers.captcha };
    await proxy.post(operations.checkAvailability.path, number);
    expect((await proxy.post(operations.requestCode.path, { ...number, method: 'sms' })).body).toMatchObject({ outcome: 'captcha' });
    const statuses: number[] = [];
    for (let answer = 0; answer < 8; answer += 1) statuses.push((await proxy.post(operations.answerCaptcha.path, { answer: 'wrong1' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const sixth = await proxy.post(operations.answerCaptcha.path, { answer: simulatedSecrets.captchaAnswer });
    expect(sixth.body).toMatchObject({ code: 'CHALLENGE_EXHAUSTED' });
    expect(Object.fromEntries(stack?.provider.hits ?? [])).toMatchObject({ '/mobile/respond-captcha': 5 });
  });

  it('gives a new image when the code is asked again by the captcha\'s own method, never by another, and five new answers with it', async () => {
    const proxy = await start();
    const number = { ddi: '55', phone: magicNumbers.captcha };
    await proxy.post(operations.checkAvailability.path, number);
    const first = await proxy.post(operations.requestCode.path, { ...number, method: 'sms' });
    expect(first.body).toMatchObject({ outcome: 'captcha' });
    for (let answer = 0; answer < 5; answer += 1) await proxy.post(operations.answerCaptcha.path, { answer: 'wrong1' });
    expect((await proxy.post(operations.answerCaptcha.path, { answer: 'wrong1' })).body).toMatchObject({ code: 'CHALLENGE_EXHAUSTED' });
    const other = await proxy.post(operations.requestCode.path, { ...number, method: 'voice' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    const again = await proxy.post(operations.requestCode.path, { ...number, method: 'sms' });
    expect(again.body).toMatchObject({ outcome: 'captcha' });
    expect(again.body).not.toEqual(first.body);
    expect((await proxy.post(operations.answerCaptcha.path, { answer: simulatedSecrets.captchaAnswer })).body).toEqual({ outcome: 'accepted' });
    expect(hits('/mobile/request-registration-code')).toBe(2);
  });

  it('counts registration PIN guesses against the instance as well (20 an hour, GUESS_BUDGET)', async () => {
    const proxy = await start({ GUESSES_PER_INSTANCE_PER_HOUR: '3' });
    const number = { ddi: '55', phone: magicNumbers.pin };
    await proxy.post(operations.checkAvailability.path, number);
    await proxy.post(operations.requestCode.path, { ...number, method: 'sms' });
    expect((await proxy.post(operations.confirmCode.path, { code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'pin-required' });
    expect((await proxy.post(operations.confirmPin.path, { pin: '000000' })).body).toEqual({ outcome: 'wrong-pin' });
    expect((await proxy.post(operations.confirmPin.path, { pin: '000001' })).body).toEqual({ outcome: 'wrong-pin' });
    const third = await proxy.post(operations.confirmPin.path, { pin: simulatedSecrets.pin });
    expect(third.body).toMatchObject({ code: 'GUESS_BUDGET' });
    expect(hits('/mobile/confirm-pin-code')).toBe(2);
  });
});
