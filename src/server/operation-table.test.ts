import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { operatorHeaders, rawPost, rawRequest, startTestStack, type TestStack } from './testing';

let stack: TestStack;
beforeEach(async () => {
  stack = await startTestStack({ LOG_LEVEL: 'silent' });
});
afterEach(async () => {
  await stack.close();
});

const totalHits = () => [...stack.provider.hits.values()].reduce((sum, hits) => sum + hits, 0);
const number = JSON.stringify({ ddi: '55', phone: '11987654321' });

const craftedPaths = [
    '/api/v1/registration/..%2f..%2fmobile%2fsend-text',
    '/api/v1/registration/%2e%2e/availability',
    '/api/v1/registration/%2E%2E/%2E%2E/mobile/send-text',
    '/api/v1/registration/availability/..',
    '/api/v1/registration/availability/../../mobile/send-text',
    '//api/v1/registration/availability',
    '/api//v1/registration/availability',
    '/api/v1\\registration\\availability',
    '\\api\\v1\\registration\\availability',
    '/api/v1/registration/availability;jsessionid=1',
    '/api/v1/registration/availability%00',
    '/api/v1/registration/Availability',
    '/api/v1/mobile/send-text',
    '/api/v2/registration/availability',
    `/api/v1/registration/${'a'.repeat(4000)}`,
];

describe('the fixed operation table (S-03, R-10)', () => {
  it.each(craftedPaths.map((path) => [path.length > 80 ? `${path.slice(0, 40)}… (${path.length} characters)` : path, path]))(
    'answers %s with 400 or 404 and calls nobody', async (_label, path) => {
    const reply = await rawRequest(stack.server.url, rawPost(path, number));
    expect([400, 404]).toContain(reply.status);
    expect(totalHits()).toBe(0);
  },
  );

  it('sends each operation to its fixed provider path, whatever the body holds', async () => {
    const hostile = { ddi: '55', phone: '11987654321' };
    await stack.post(operations.checkAvailability.path, hostile);
    await stack.post(operations.requestCode.path, { ...hostile, method: 'sms' });
    await stack.post(operations.confirmCode.path, { code: '123456' });
    // Body fields that look like paths are refused before anything is sent.
    expect((await stack.post(operations.checkAvailability.path, { ddi: '55', phone: '../../send-text' })).status).toBe(400);
    expect([...stack.provider.hits.keys()].sort()).toEqual([
      '/mobile/confirm-registration-code',
      '/mobile/registration-available',
      '/mobile/request-registration-code',
    ]);
  });

  it('answers 405 with Allow to methods the table does not list, with no upstream call', async () => {
    const reply = await fetch(`${stack.server.url}${operations.checkAvailability.path}`, { method: 'DELETE', headers: operatorHeaders });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
    expect(totalHits()).toBe(0);
  });
});

describe('control characters (R-11)', () => {
  it('refuses CR, LF and control characters in fields with 400 and no upstream call', async () => {
    for (const phone of ['1198765\r\n4321', '11987654321\n', '1198765\u00004321']) {
      expect((await stack.post(operations.checkAvailability.path, { ddi: '55', phone })).status).toBe(400);
    }
    expect((await stack.post(operations.answerCaptcha.path, { answer: 'ab\r\ncd' })).status).toBe(400);
    expect(totalHits()).toBe(0);
  });

  it('refuses control characters in a header with 400 and no upstream call', async () => {
    const reply = await rawRequest(stack.server.url, rawPost(operations.checkAvailability.path, number, 'X-Note: a\u0001b\r\n'));
    expect(reply.status).toBe(400);
    expect(totalHits()).toBe(0);
  });
});
