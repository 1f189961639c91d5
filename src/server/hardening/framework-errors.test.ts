import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorToken, rawRequest, startTestStack, type TestStack } from '../testing';

/**
 * What fails before a route runs is answered from the catalogue too, with the security headers,
 * and without a word of the request; HEAD, OPTIONS and other methods on API routes get 405.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ LOG_LEVEL: 'silent', SERVER_HEADERS_TIMEOUT_MS: '500', SERVER_REQUEST_TIMEOUT_MS: '1000' });
});
afterAll(async () => {
  await stack.close();
});

const auth = `Authorization: Bearer ${operatorToken}\r\n`;
const request = (line: string, extra = '') => `${line} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Connection: close\r\n${extra}\r\n`;
const totalHits = () => [...stack.provider.hits.values()].reduce((sum, count) => sum + count, 0);

function parse(text: string): { status: number; headers: Map<string, string>; body: unknown } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: body === '' ? null : (JSON.parse(body) as unknown) };
}

function expectTyped(text: string, status: number, code: string, marker: string): void {
  const answer = parse(text);
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ code, message: expect.any(String) as unknown });
  for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) expect(answer.headers.has(header), header).toBe(true);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(text).not.toContain(marker);
}

describe('framework errors', () => {
  it.each([
    ['400, a URL that does not decode', request('GET /api/v1/%E0%A4%AZmarker'), 400, 'INVALID_REQUEST', 'marker'],
    ['404, an unknown API path', request('GET /api/v1/unknown-marker'), 404, 'NOT_FOUND', 'marker'],
    ['404, a backslash path', request('GET /\\api\\v1\\marker'), 404, 'NOT_FOUND', 'marker'],
    ['400, a malformed request line', 'GARBAGE-marker\r\n\r\n', 400, 'INVALID_REQUEST', 'marker'],
    ['400, an unknown method', request('FROBNICATE /api/v1/instance/status?marker'), 400, 'INVALID_REQUEST', 'marker'],
    ['413, a body over 16 KB', `POST /api/v1/registration/availability HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\nContent-Type: application/json\r\nContent-Length: 20000\r\n\r\n${'{"marker":"'.padEnd(20_000, 'x')}`, 413, 'PAYLOAD_TOO_LARGE', 'marker'],
    ['415, a body that is not JSON', `POST /api/v1/registration/availability HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\nContent-Type: text/xml\r\nContent-Length: 8\r\n\r\n<marker>`, 415, 'UNSUPPORTED_MEDIA_TYPE', 'marker'],
    ['431, headers over the limit', request('GET /api/v1/instance/status', `X-Marker: ${'m'.repeat(20_000)}\r\n`), 431, 'HEADERS_TOO_LARGE', 'mmmmmmmm'],
  ])('%s', async (_name, bytes, status, code, marker) => {
    const reply = await rawRequest(stack.server.url, bytes);
    expectTyped(reply.text, status, code, marker);
    expect(totalHits()).toBe(0);
  });

  it('408, a request whose headers never finish', async () => {
    const reply = await rawRequest(stack.server.url, 'GET /api/v1/instance/status?marker HTTP/1.1\r\nHost: x\r\n', 4_000);
    expectTyped(reply.text, 408, 'REQUEST_TIMEOUT', 'marker');
  });
});

describe('methods on API routes', () => {
  it.each(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'PROPFIND'])('%s on a GET route answers 405 with Allow: GET and no provider call', async (method) => {
    const reply = await rawRequest(stack.server.url, request(`${method} /api/v1/instance/status`, 'Content-Length: 0\r\n'));
    const answer = parse(reply.text);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    if (method !== 'HEAD') expect(answer.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(totalHits()).toBe(0);
  });

  it('GET on a POST route answers 405 with Allow: POST', async () => {
    const reply = await rawRequest(stack.server.url, request('GET /api/v1/registration/code-request'));
    expect(parse(reply.text).headers.get('allow')).toBe('POST');
    expect(totalHits()).toBe(0);
  });
});
