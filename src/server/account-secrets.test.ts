import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedSecrets } from '../fake-provider/scenarios';
import { startTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack;
beforeEach(async () => {
  // The most talkative level: whatever the proxy could log about a request, it logs here.
  stack = await startTestStack({ LOG_LEVEL: 'trace' });
});
afterEach(async () => {
  await stack.close();
});

const api = (path: string) => `/api/v1${path}`;
const get = async (path: string) => {
  const { status, body } = await stack.get(api(path));
  return { status, body };
};

async function connect() {
  const number = { ddi: '55', phone: '11987654321' };
  await stack.post(api('/registration/availability'), number);
  await stack.post(api('/registration/code-request'), { ...number, method: 'sms' });
  expect((await stack.post(api('/registration/code-confirmation'), { code: '123456' })).body).toEqual({ outcome: 'connected' });
}

describe('account security through the proxy', () => {
  it('answers NOT_CONNECTED before the number is connected', async () => {
    expect(await get('/account/email')).toEqual({
      status: 409,
      body: { code: 'NOT_CONNECTED', message: 'The instance is not connected.' },
    });
    expect((await stack.post(api('/account/pin'), { pin: '482915' })).body).toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('sets, verifies and removes an e-mail and a PIN, reading each change back', async () => {
    await connect();
    expect(await get('/instance/device')).toMatchObject({ status: 200, body: { phone: '5511987654321', platform: 'android' } });
    expect((await stack.post(api('/account/email'), { email: 'ana@example.com' })).body).toEqual({ outcome: 'verification-sent' });
    expect((await get('/account/email')).body).toEqual({ hasEmail: true, email: 'ana@example.com', verified: false });
    expect((await stack.post(api('/account/email/verification'), { code: '000000' })).body).toEqual({ outcome: 'wrong-code' });
    const verified = await stack.post(api('/account/email/verification'), { code: simulatedSecrets.emailVerificationCode });
    expect(verified.body).toEqual({ outcome: 'verified' });
    expect((await get('/account/email')).body).toMatchObject({ verified: true });
    expect((await stack.post(api('/account/email/removal'), {})).body).toEqual({ outcome: 'removed' });
    expect((await stack.post(api('/account/pin'), { pin: '482915' })).body).toEqual({ outcome: 'saved' });
    expect((await get('/account/pin')).body).toEqual({ hasPin: true });
    expect((await stack.post(api('/account/pin/removal'), {})).body).toEqual({ outcome: 'removed' });
    expect((await get('/account/pin')).body).toEqual({ hasPin: false });
  });

  it('refuses a malformed address or PIN before calling the provider', async () => {
    await connect();
    const before = [...stack.provider.hits.values()].reduce((sum, hits) => sum + hits, 0);
    expect((await stack.post(api('/account/email'), { email: 'ana at example.com' })).body).toMatchObject({
      code: 'INVALID_REQUEST',
      fields: { email: expect.any(String) as unknown },
    });
    expect((await stack.post(api('/account/pin'), { pin: '12345' })).status).toBe(400);
    expect([...stack.provider.hits.values()].reduce((sum, hits) => sum + hits, 0)).toBe(before);
  });

  it('turns the provider refusing an address into an outcome, without its words', async () => {
    await connect();
    const reply = await stack.post(api('/account/email'), { email: 'ana@example' });
    expect(reply.body).toEqual({ outcome: 'invalid-email' });
    expect(reply.text).not.toContain('INVALID_EMAIL');
  });

  it('writes no e-mail address, PIN or verification code into any log line, even when they are refused', async () => {
    await connect();
    const email = 'secret.mailbox.7d1@example.com';
    const malformed = 'secret.malformed.4c2@nowhere';
    const pin = '739164';
    await stack.post(api('/account/email'), { email });
    await stack.post(api('/account/email'), { email: malformed });
    await stack.post(api('/account/email/verification'), { code: '864201' });
    await stack.post(api('/account/email/verification'), { code: simulatedSecrets.emailVerificationCode });
    await get('/account/email');
    await stack.post(api('/account/pin'), { pin });
    await stack.post(api('/account/pin'), { pin: `${pin}0` });
    await stack.post(api('/account/email'), { email: `${email} ${email}` });

    expect(stack.logs.some((line) => line.includes('/api/v1/account/email'))).toBe(true);
    const logs = stack.logs.join('\n');
    for (const secret of [email, malformed, 'secret.mailbox', 'secret.malformed', pin, '864201', simulatedSecrets.emailVerificationCode]) {
      expect(logs).not.toContain(secret);
    }
  });
});
