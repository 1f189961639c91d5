import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../fake-provider/clock';
import { ConfigError, loadConfig } from './config';
import { startServer, type RunningServer } from './start';
import { captureLogs, operatorToken, startTestStack, type TestStack } from './testing/proxy-under-test';

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
