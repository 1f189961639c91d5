import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorToken, rawRequest, startTestStack, type TestStack } from '../testing';

/** `no-store` on every API answer, whatever form the request-target takes. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ LOG_LEVEL: 'silent' });
});
afterAll(async () => {
  await stack.close();
});

const get = (target: string) => rawRequest(stack.server.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${operatorToken}\r\nConnection: close\r\n\r\n`);
const cacheControl = (text: string) => /\r\ncache-control: ([^\r]*)/i.exec(text)?.[1] ?? null;

describe('request-target forms', () => {
  it.each([
    'http://evil.example/api/v1/instance/status',
    'HTTP://EVIL.EXAMPLE/api/v1/instance/status',
    '/api/v1/instance/status',
    '//api/v1/instance/status',
    '/\\api\\v1\\instance\\status',
    '/API/V1/INSTANCE/STATUS',
    'http://evil.example/api/v1/nothing-here',
  ])('%s is answered with Cache-Control: no-store', async (target) => {
    const reply = await get(target);
    expect(reply.status).not.toBeNull();
    expect(cacheControl(reply.text)).toBe('no-store');
  });
});
