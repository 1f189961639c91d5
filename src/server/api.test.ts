import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canary, startTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack;
beforeEach(async () => {
  stack = await startTestStack();
});
afterEach(async () => {
  await stack.close();
});

const api = (path: string) => `/api/v1${path}`;
const happy = { ddi: '55', phone: '11987654321' };
const totalHits = () => [...stack.provider.hits.values()].reduce((sum, hits) => sum + hits, 0);

describe('the proxy API', () => {
  it('registers the happy path through the real upstream', async () => {
    expect((await stack.post(api('/registration/availability'), happy)).body).toMatchObject({ outcome: 'available' });
    expect((await stack.post(api('/registration/code-request'), { ...happy, method: 'sms' })).body).toMatchObject({
      outcome: 'sent',
      retryAfterSeconds: 60,
    });
    expect((await stack.post(api('/registration/code-confirmation'), { code: '123456' })).body).toEqual({ outcome: 'connected' });
    const status = await stack.get(api('/instance/status'));
    expect(status.body).toEqual({ connected: true, needsRestore: false });
  });

  it.each([
    [{ ddi: '55', phone: '123' }, 'phone'],
    [{ ddi: '055', phone: '11987654321' }, 'ddi'],
    [{ ddi: '55', phone: '11987654321', extra: 'x' }, '_'],
  ])('answers 400 with the bad field for %o, and calls nobody', async (body, field) => {
    const reply = await stack.post(api('/registration/availability'), body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'INVALID_REQUEST', fields: { [field]: expect.any(String) as unknown } });
    expect(totalHits()).toBe(0);
  });

  it.each([
    ['/registration/availability', { ddi: '55', phone: '1112345678' }],
    ['/registration/code-request', { ddi: '55', phone: '1112345678', method: 'sms' }],
    ['/linking/pairing-code', { ddi: '351', phone: '112345678' }],
  ])('refuses a number that cannot exist on %s with a typed field error, and calls nobody', async (path, body) => {
    const reply = await stack.post(api(path), body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'INVALID_REQUEST', fields: { phone: 'not a number in use for this calling code' } });
    expect(totalHits()).toBe(0);
  });

  it('refuses bodies that are not JSON, too large or malformed, with no upstream call', async () => {
    expect((await stack.post(api('/registration/availability'), 'ddi=55', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await stack.post(api('/registration/availability'), '{"ddi":', {})).status).toBe(400);
    expect((await stack.post(api('/registration/appeal'), { description: 'x'.repeat(20_000) })).status).toBe(413);
    expect(totalHits()).toBe(0);
  });

  it('answers 404 for any other path under /api, with no upstream call', async () => {
    const reply = await stack.post('/api/v1/mobile/send-text', {});
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) as unknown });
    expect(totalHits()).toBe(0);
  });

  it('turns a provider outage into a typed error without its internal text', async () => {
    const reply = await stack.post(api('/registration/availability'), { ddi: '55', phone: '11900000010' });
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual({ code: 'PROVIDER_ERROR', message: 'The provider failed to answer correctly.' });
    expect(reply.text).not.toMatch(/java|10\.0\.3\.7|Exception/);
  });

  it('never puts a credential in a response, a header or a log line', async () => {
    const replies = [
      await stack.post(api('/registration/availability'), happy),
      await stack.post(api('/registration/code-request'), { ...happy, method: 'sms' }),
      await stack.post(api('/registration/code-confirmation'), { code: '123456' }),
      await stack.post(api('/registration/availability'), { ddi: '55', phone: '11900000010' }),
      await stack.post(api('/registration/captcha'), { answer: '1' }),
    ];
    const seen = [...replies.map((reply) => reply.text + JSON.stringify([...reply.headers.entries()])), ...stack.logs].join('\n');
    for (const secret of Object.values(canary)) expect(seen).not.toContain(secret);
    expect(seen).not.toContain(stack.upstream.url);
    expect(stack.logs.length).toBeGreaterThan(0);
  });

  it('sends no-store and the security headers on API answers', async () => {
    const reply = await stack.post(api('/registration/availability'), happy);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });
});
