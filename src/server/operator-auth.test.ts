import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../fake-provider/clock';
import { ConfigError, loadConfig } from './config';
import { startServer, type RunningServer } from './start';
import { createMemoryAttemptLog, type AttemptLog } from './state/attempt-log';
import { captureLogs, operatorToken, rawRequest, startTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack | null = null;
let open: RunningServer | null = null;
afterEach(async () => {
  await stack?.close();
  await open?.close();
  stack = null;
  open = null;
});

const availability = '/api/v1/registration/availability';
const number = { ddi: '55', phone: '11987654321' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const totalHits = (s: TestStack) => [...s.provider.hits.values()].reduce((sum, hits) => sum + hits, 0);

describe('operator authentication', () => {
  it('refuses a request without a credential with 401 and a basic challenge, before any upstream call', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'warn' });
    const reply = await stack.post(availability, number, { authorization: '' });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(reply.headers.get('www-authenticate')).toMatch(/^Basic realm="wa-onboarding"/);
    expect((await fetch(`${stack.server.url}/`)).status).toBe(401);
    expect(totalHits(stack)).toBe(0);
  });

  it('accepts the bearer token, basic user and password, and the token as a basic password', async () => {
    stack = await startTestStack({ OPERATOR_USER: 'ana', OPERATOR_PASSWORD: 'correct horse battery' });
    expect((await stack.post(availability, number)).status).toBe(200);
    expect((await stack.post(availability, number, { authorization: basic('ana', 'correct horse battery') })).status).toBe(200);
    expect((await stack.post(availability, number, { authorization: basic('anyone', operatorToken) })).status).toBe(200);
    expect((await stack.post(availability, number, { authorization: basic('ana', 'wrong horse battery') })).status).toBe(401);
    expect((await stack.post(availability, number, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
    expect(totalHits(stack)).toBe(3);
  });

  it('leaves the health probes open', async () => {
    stack = await startTestStack();
    expect((await fetch(`${stack.server.url}/healthz`)).status).toBe(200);
  });

  it('refuses every attempt from an address after 10 failures, logging none of the credentials', async () => {
    const clock = manualClock();
    stack = await startTestStack({ LOG_LEVEL: 'info' }, { auth: { clock } });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await stack.post(availability, number, { authorization: `Bearer WRONG_GUESS_${attempt}_abcdef` })).status).toBe(401);
    }
    const locked = await stack.post(availability, number);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    clock.advance(15 * 60 * 1000 + 1);
    expect((await stack.post(availability, number)).status).toBe(200);
    const logs = stack.logs.join('\n');
    expect(logs).toContain('operator authentication failed');
    expect(logs).not.toMatch(/WRONG_GUESS|Bearer/);
    expect(logs).not.toContain(operatorToken);
  });

  it('tells a locked-out client nothing through a guarded route, whatever it sends, and asks the provider nothing', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'warn' });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await stack.post(availability, number, { authorization: `Bearer WRONG_GUESS_${attempt}_abcdef` })).status).toBe(401);
    }
    // The right credential from the locked-out client: each of these would answer otherwise (200, 400, 400, 415, 200, 200).
    const url = `${stack.server.url}${availability}`;
    const right = { authorization: `Bearer ${operatorToken}` };
    const answers = await Promise.all([
      stack.post(availability, number),
      stack.post(availability, { ddi: '55', phone: '1' }),
      fetch(url, { method: 'POST', headers: { ...right, 'content-type': 'application/json' }, body: '{"ddi":' }),
      fetch(url, { method: 'POST', headers: { ...right, 'content-type': 'text/plain' }, body: 'x' }),
      stack.post('/api/v1/registration/code-request', { ...number, method: 'sms' }),
      fetch(`${stack.server.url}/api/v1/instance/status`, { headers: right }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('900');
      const body: unknown = answer instanceof Response ? await answer.json() : answer.body;
      expect(body).toMatchObject({ code: 'SIGN_IN_BUDGET' });
    }
    expect(totalHits(stack)).toBe(0);
  });

  it('refuses a locked-out client in the same words whether its credential is right or wrong, closed connection included', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'warn' });
    for (let attempt = 0; attempt < 10; attempt += 1) await stack.post(availability, number, { authorization: `Bearer WRONG_GUESS_${attempt}_abcdef` });
    // A body the parser cannot read, on a kept-alive connection: the right credential's refusal is the
    // one put in place of the parser's 400 (the first from this client since its lockout).
    const unreadable = (token: string) =>
      `POST ${availability} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nAuthorization: Bearer ${token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{"ddi":';
    const head = (text: string) =>
      text
        .split('\r\n\r\n')[0]
        ?.split('\r\n')
        .filter((line) => !/^(date|x-request-id):/i.test(line))
        .map((line) => line.toLowerCase())
        .sort();
    const right = await rawRequest(stack.server.url, unreadable(operatorToken));
    const wrong = await rawRequest(stack.server.url, unreadable('WRONG_GUESS_again_abcdef'));
    expect(right.status).toBe(429);
    expect(head(right.text)).toEqual(head(wrong.text));
    expect(head(right.text)).toContain('connection: close');
    expect(right.text.split('\r\n\r\n')[1]).toBe(wrong.text.split('\r\n\r\n')[1]);
  });

  it('after the first refusal of a locked-out client, refuses its next requests without asking the failures store', async () => {
    const log = createMemoryAttemptLog();
    let asked = 0;
    const failures: AttemptLog = {
      addAttempt: (key, at) => log.addAttempt(key, at),
      attemptsSince: (key, since) => ((asked += 1), log.attemptsSince(key, since)),
      admit: (key, gate) => ((asked += 1), log.admit(key, gate)),
    };
    stack = await startTestStack({ LOG_LEVEL: 'warn' }, { auth: { failures } });
    for (let attempt = 0; attempt < 10; attempt += 1) await stack.post(availability, number, { authorization: `Bearer WRONG_GUESS_${attempt}_abcdef` });
    expect((await stack.post(availability, number)).status).toBe(429);
    const before = asked;
    for (const authorization of [`Bearer ${operatorToken}`, 'Bearer WRONG_GUESS_later_abcdef', '']) {
      expect((await stack.post(availability, number, { authorization })).status).toBe(429);
    }
    expect(asked).toBe(before);
    expect(totalHits(stack)).toBe(0);
  });

  it('is optional on loopback against the simulated provider', async () => {
    const { stream } = captureLogs();
    open = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { staticDir: null, logDestination: stream });
    const reply = await fetch(`${open.url}${availability}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(number),
    });
    expect(reply.status).toBe(200);
  });
});

describe('operator credential configuration', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return error instanceof ConfigError ? error.problems : ['not a ConfigError'];
    }
  };
  const zapi = { ZAPI_INSTANCE_ID: 'i', ZAPI_INSTANCE_TOKEN: 't', ZAPI_CLIENT_TOKEN: 'c' };

  it('requires a credential with a real provider, even on loopback', () => {
    expect(problemsOf(zapi).join()).toContain('OPERATOR_TOKEN or OPERATOR_USER and OPERATOR_PASSWORD: required');
  });

  it('requires a credential on any other address, even with the simulated provider', () => {
    expect(problemsOf({ HOST: '0.0.0.0' }).join()).toContain('OPERATOR_TOKEN');
    expect(problemsOf({ HOST: '0.0.0.0', OPERATOR_TOKEN: 'a-long-enough-operator-token' })).toEqual([]);
  });

  it('refuses half a basic pair and short secrets, without echoing them', () => {
    const problems = problemsOf({ ...zapi, OPERATOR_USER: 'ana', OPERATOR_TOKEN: 'SHORT_SECRET' }).join('\n');
    expect(problems).toContain('OPERATOR_USER and OPERATOR_PASSWORD: set both');
    expect(problems).toContain('OPERATOR_TOKEN: at least 16 characters');
    expect(problems).not.toContain('SHORT_SECRET');
  });

  it('reads HSTS and the server timeouts', () => {
    const config = loadConfig({ HSTS: 'true', SERVER_HEADERS_TIMEOUT_MS: '2000' });
    expect(config.hsts).toBe(true);
    expect(config.server).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 30_000 });
    expect(config.operator).toBeNull();
  });
});
