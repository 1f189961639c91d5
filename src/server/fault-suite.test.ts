import { connect } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { startFaultUpstream, zapiLike, type FaultBehaviour, type FaultUpstream } from './testing/fault-upstream';
import { canary, operatorToken, startProxy, type ProxyUnderTest, type TestReply } from './testing/proxy-under-test';

/**
 * R-01…R-14 against a misbehaving upstream on loopback. Timeouts are 300 ms here so that every
 * case ends in well under a second. Every answer and every log line is kept for the canary check.
 */
const TIMEOUT_MS = 300;
/**
 * undici checks its headers and body timeouts on a timer wheel of about 1 s, so a 300 ms timeout
 * fires within about 1.3 s; the rest is slack for a busy machine (production timeouts are 15 s).
 */
const TIMEOUT_BOUND_MS = TIMEOUT_MS + 1_500;
const limits = {
  UPSTREAM_CONNECT_TIMEOUT_MS: String(TIMEOUT_MS),
  UPSTREAM_HEADERS_TIMEOUT_MS: String(TIMEOUT_MS),
  UPSTREAM_BODY_TIMEOUT_MS: String(TIMEOUT_MS),
  SERVER_HEADERS_TIMEOUT_MS: '500',
  LOG_LEVEL: 'trace',
};

/** For the cases where the upstream is slow on purpose but not faulty: a busy machine must not turn them into timeouts. */
const patient = { ...limits, UPSTREAM_HEADERS_TIMEOUT_MS: '5000', UPSTREAM_BODY_TIMEOUT_MS: '5000' };
async function restartProxy(env: Record<string, string>): Promise<void> {
  seen.push(...proxy.logs);
  await proxy.close();
  proxy = await startProxy(upstream.url, env);
}

/** Canary secrets of the verification itself: a phone number, a code and a PIN (§1.7). */
export const canaryVerification = { phone: '44999990417', code: '913542', pin: '275803' };
const canaryNumber = { ddi: '55', phone: canaryVerification.phone };

const seen: string[] = [];
let upstream: FaultUpstream;
let proxy: ProxyUnderTest;

beforeEach(async () => {
  upstream = await startFaultUpstream();
  proxy = await startProxy(upstream.url, limits);
});
afterEach(async () => {
  seen.push(...proxy.logs);
  await proxy.close();
  await upstream.close();
});

async function call(path: string, body: unknown, headers: Record<string, string> = {}): Promise<TestReply & { ms: number }> {
  const started = performance.now();
  const reply = await proxy.post(path, body, headers);
  seen.push(reply.text, JSON.stringify([...reply.headers.entries()]));
  return { ...reply, ms: performance.now() - started };
}
const availability = () => call(operations.checkAvailability.path, canaryNumber);

function expectFailure(reply: TestReply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({ code, message: expect.any(String) as unknown });
}

const answer = (status: number, text: string, type = 'application/json'): FaultBehaviour => (response) =>
  response.writeHead(status, { 'content-type': type }).end(text);

describe('the proxy under upstream faults', () => {
  it('R-01: an upstream that sends no headers ends in 504 UPSTREAM_TIMEOUT within the timeout, once', async () => {
    upstream.behave(() => undefined);
    const reply = await availability();
    expectFailure(reply, 504, 'UPSTREAM_TIMEOUT');
    expect(reply.ms).toBeLessThan(TIMEOUT_BOUND_MS);
    expect(upstream.hits).toBe(1);
  });

  it('R-02: an upstream that refuses connections ends in 503 UPSTREAM_UNAVAILABLE, naming no address', async () => {
    const port = new URL(upstream.url).port;
    await proxy.close();
    await upstream.close();
    upstream = await startFaultUpstream();
    proxy = await startProxy(`http://127.0.0.1:${port}`, limits);
    await upstream.close();
    upstream = await startFaultUpstream();
    const reply = await availability();
    expectFailure(reply, 503, 'UPSTREAM_UNAVAILABLE');
    expect(reply.ms).toBeLessThan(1_000);
    expect(reply.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect|:\d{2,5}/);
    expect(upstream.hits).toBe(0);
  });

  it('R-03: a socket destroyed mid-request ends in 502 UPSTREAM_RESET, not retried', async () => {
    upstream.behave((response) => response.socket?.destroy());
    const reply = await availability();
    expectFailure(reply, 502, 'UPSTREAM_RESET');
    expect(upstream.hits).toBe(1);
  });

  it('R-04: headers then a stalled body end in 504, never in a 200', async () => {
    upstream.behave((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"available":tr');
    });
    const reply = await availability();
    expectFailure(reply, 504, 'UPSTREAM_TIMEOUT');
    expect(reply.ms).toBeLessThan(TIMEOUT_BOUND_MS);
    expect(upstream.hits).toBe(1);
  });

  it('R-04: a body cut short of its Content-Length ends in 502 UPSTREAM_RESET', async () => {
    upstream.behave((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"available":true,');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const reply = await availability();
    expectFailure(reply, 502, 'UPSTREAM_RESET');
    expect(upstream.hits).toBe(1);
  });

  it('R-05: a 500 full of internal detail ends in 502 PROVIDER_ERROR with none of it', async () => {
    upstream.behave(answer(500, 'java.lang.NullPointerException at com.zapi.Mobile(Mobile.java:42) host 10.0.3.7:8443', 'text/plain'));
    const reply = await availability();
    expectFailure(reply, 502, 'PROVIDER_ERROR');
    expect(reply.text).not.toMatch(/java|Exception|10\.0\.3\.7|8443/);
    expect(upstream.hits).toBe(1);
  });

  it.each([400, 405, 415])('R-06: an upstream %i ends in 502 PROVIDER_REJECTED, not retried', async (status) => {
    upstream.behave(answer(status, JSON.stringify({ error: 'Bad things at 10.0.3.7', message: 'stack: at Foo.bar' })));
    const reply = await availability();
    expectFailure(reply, 502, 'PROVIDER_REJECTED');
    expect(reply.text).not.toMatch(/10\.0\.3\.7|stack|Foo/);
    expect(upstream.hits).toBe(1);
  });

  it('R-06: an error inside an HTTP 200 ends in 502 PROVIDER_REJECTED', async () => {
    upstream.behave(answer(200, JSON.stringify({ error: `Client-Token ${canary.clientToken} not allowed` })));
    expectFailure(await availability(), 502, 'PROVIDER_REJECTED');
    expect(upstream.hits).toBe(1);
  });

  it.each([
    ['invalid JSON', answer(200, '{"available": tru')],
    ['an empty body', answer(200, '')],
    ['an HTML error page', answer(200, '<html><body>nginx at 10.0.3.7</body></html>', 'text/html')],
    ['an unexpected shape', answer(200, JSON.stringify({ available: 'maybe' }))],
    ['an unusual status', answer(299, JSON.stringify({ available: true }))],
  ])('answers %s with 502 PROVIDER_ERROR', async (_name, behaviour) => {
    upstream.behave(behaviour);
    expectFailure(await availability(), 502, 'PROVIDER_ERROR');
    expect(upstream.hits).toBe(1);
  });

  it('R-07: a provider wait is forwarded, and an early code request gets 429 with no upstream call', async () => {
    upstream.behave(answer(200, JSON.stringify({ available: true, smsWaitSeconds: 120, voiceWaitSeconds: 0, waOldWaitSeconds: 0 })));
    expect((await availability()).body).toMatchObject({ outcome: 'available', waits: { sms: 120, voice: 0 } });
    const early = await call(operations.requestCode.path, { ...canaryNumber, method: 'sms' });
    expect(early.status).toBe(429);
    expect(early.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
    expect(early.headers.get('retry-after')).toBe('120');
    expect(upstream.hits).toBe(1);
  });

  it.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])('R-08: a 5 MB answer %s ends in 502 UPSTREAM_TOO_LARGE', async (_name, withLength) => {
    const flood = Buffer.alloc(5 * 1024 * 1024, 'a');
    upstream.behave((response) => {
      response.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(flood.length) } : {}) });
      response.end(flood);
    });
    const before = process.memoryUsage().rss;
    expectFailure(await availability(), 502, 'UPSTREAM_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(2 * flood.length);
    expect(upstream.hits).toBe(1);
  });

  it('a slow upstream inside the timeout is simply waited for', async () => {
    await restartProxy(patient);
    upstream.behave((response, path, request) => setTimeout(() => zapiLike(response, path, request), 500));
    expect((await availability()).status).toBe(200);
  });

  it('R-09: bodies over 16 KB, not JSON or of another type are refused with no upstream call', async () => {
    expectFailure(await call(operations.requestUnbanning.path, { description: 'x'.repeat(17 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
    expectFailure(await call(operations.checkAvailability.path, '{"ddi":'), 400, 'INVALID_REQUEST');
    expectFailure(await call(operations.checkAvailability.path, 'ddi=55', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectFailure(await call(operations.checkAvailability.path, 'ddi=55', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(upstream.hits).toBe(0);
  });

  it('R-12: a client trickling its headers is cut off, and others are served meanwhile', async () => {
    const url = new URL(proxy.server.url);
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const closed = new Promise<number>((resolve) => {
      const started = performance.now();
      socket.on('data', () => undefined);
      socket.once('close', () => resolve(performance.now() - started));
    });
    socket.write('POST /api/v1/registration/availability HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => socket.write('X'), 100);
    try {
      expect((await availability()).status).toBe(200);
      expect(await closed).toBeLessThan(3_000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it('R-13: a restart drains the request in flight, then the journey starts again at availability', async () => {
    await restartProxy(patient);
    expect((await availability()).status).toBe(200);
    upstream.behave((response, path, request) => setTimeout(() => zapiLike(response, path, request), 150));
    const inFlight = call(operations.requestCode.path, { ...canaryNumber, method: 'sms' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await proxy.close();
    expect((await inFlight).body).toMatchObject({ outcome: 'sent' });
    seen.push(...proxy.logs);
    proxy = await startProxy(upstream.url, patient);
    const hitsBefore = upstream.hits;
    expectFailure(await call(operations.confirmCode.path, { code: canaryVerification.code }), 409, 'STEP_OUT_OF_ORDER');
    expect(upstream.hits).toBe(hitsBefore);
    expect((await availability()).status).toBe(200);
  });

  it('R-14: 50 identical confirmations at once make one upstream call', async () => {
    await restartProxy(patient);
    await availability();
    await call(operations.requestCode.path, { ...canaryNumber, method: 'sms' });
    upstream.behave((response, path, request) => setTimeout(() => zapiLike(response, path, request), 50));
    const replies = await Promise.all(Array.from({ length: 50 }, () => call(operations.confirmCode.path, { code: canaryVerification.code })));
    expect(upstream.hits).toBe(3);
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
  });

  it('S-04: forwards none of the client headers and returns none of the upstream ones', async () => {
    upstream.behave((response) =>
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': 'upstream-session=abc; Path=/',
          server: 'zapi-gateway/9.9 (10.0.3.7)',
          'x-powered-by': 'Express',
          'x-upstream-trace': 'internal-trace-id',
        })
        .end(JSON.stringify({ available: true })),
    );
    const reply = await call(operations.checkAvailability.path, canaryNumber, {
      cookie: 'session=browser',
      'client-token': 'EVIL_CLIENT_TOKEN',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-real-ip': '203.0.113.9',
      'x-custom': 'custom',
      connection: 'keep-alive, x-custom',
    });
    expect(reply.status).toBe(200);
    const received = upstream.lastHeaders ?? {};
    expect(received['client-token']).toBe(canary.clientToken);
    expect(received.host).toBe(new URL(upstream.url).host);
    for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'x-custom']) {
      expect(received[name], name).toBeUndefined();
    }
    for (const name of ['set-cookie', 'server', 'x-powered-by', 'x-upstream-trace']) expect(reply.headers.get(name), name).toBeNull();
  });
});

afterAll(() => {
  // S-02 and S-12: no answer (body or header) and no log line of any case above holds a secret.
  const everything = seen.join('\n');
  expect(seen.length).toBeGreaterThan(0);
  for (const secret of [...Object.values(canary), ...Object.values(canaryVerification), operatorToken]) {
    expect(everything, secret).not.toContain(secret);
  }
  expect(everything).not.toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR|Exception|10\.0\.3\.7|at [A-Za-z]+\.[A-Za-z]+ \(/);
  expect(everything).not.toContain('/instances/');
});
