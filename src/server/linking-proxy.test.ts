import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readQr } from '../test/read-qr';
import { canary, operatorToken, startTestStack, startWawpTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('linking through the proxy', () => {
  it('speaks Wawp with the credentials in the query only, and logs neither them nor the code', async () => {
    stack = await startWawpTestStack({ LOG_LEVEL: 'trace' });
    const answer = await stack.post('/api/v1/linking/pairing-code', { ddi: '55', phone: '11987654321' });
    const answerText = answer.text;
    expect(answer.status).toBe(200);
    const code = /"code":"([^"]+)"/.exec(answerText)?.[1] ?? '';
    expect(code).toMatch(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/);
    expect(stack.provider.hits.get('/v2/auth/request-code')).toBe(1);

    const qr = await stack.get('/api/v1/linking/qr-code');
    expect(qr.status).toBe(200);
    const status = await stack.get('/api/v1/instance/status');
    expect(status.body).toEqual({ connected: false, needsRestore: false });
    const text = [answerText, qr.text].join('\n');
    const logs = stack.logs.join('\n');
    for (const secret of [canary.instanceId, canary.instanceToken, canary.clientToken, operatorToken]) {
      expect(text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(code.replace('-', ''));
  });

  it('hands on the simulated provider’s QR images: real QR codes a phone can scan, a new payload each time', async () => {
    stack = await startTestStack();
    const image = z.object({ image: z.string() });
    const read = async () => {
      const answer = image.parse((await stack?.get('/api/v1/linking/qr-code'))?.body);
      return readQr(answer.image.replace('data:image/png;base64,', ''));
    };
    const first = await read();
    const second = await read();
    expect(first).toMatch(/^2@[\w+/]{60},/);
    expect(second).toMatch(/^2@[\w+/]{60},/);
    expect(second).not.toBe(first);
  });

  it('refuses a number that is not digits before calling the provider', async () => {
    stack = await startTestStack();
    const answer = await stack.post('/api/v1/linking/pairing-code', { ddi: '55', phone: '11/../../status' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_REQUEST', fields: { phone: expect.any(String) as unknown } });
    expect([...stack.provider.hits.keys()].some((path) => path.startsWith('/phone-code'))).toBe(false);
  });
});
