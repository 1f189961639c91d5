import { afterEach, describe, expect, it } from 'vitest';
import { clientKey } from '../client-address';
import { ConfigError, loadConfig, trustProxyFrom } from '../config';
import { startTestStack, type TestStack } from '../testing';

/** Behind a reverse proxy, ten wrong guesses from one client must not lock out the operator. */
let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const operator = { user: 'operator', password: 'correct horse battery staple' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function statusFrom(proxy: TestStack, forwardedFor: string | null, authorization: string): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const headers: Record<string, string> = { authorization };
  if (forwardedFor !== null) headers['x-forwarded-for'] = forwardedFor;
  const reply = await proxy.get('/api/v1/instance/status', headers);
  return { status: reply.status, body: reply.body, retryAfter: reply.headers.get('retry-after') };
}

const env = { OPERATOR_USER: operator.user, OPERATOR_PASSWORD: operator.password, LOG_LEVEL: 'silent' };

describe('TRUST_PROXY and failures per client', () => {
  it('behind a trusted proxy, a client locked out after 10 failures does not stop the operator at another address', async () => {
    // The test's connections come from 127.0.0.1: that is the reverse proxy here.
    const proxy = (stack = await startTestStack({ ...env, TRUST_PROXY: '127.0.0.1' }));
    for (let guess = 0; guess < 10; guess += 1) expect((await statusFrom(proxy, '203.0.113.7', basic('operator', `guess-${guess}`))).status).toBe(401);
    const locked = await statusFrom(proxy, '203.0.113.7', basic(operator.user, operator.password));
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'SIGN_IN_BUDGET', message: 'Too many failed sign-ins from this address.' });
    expect(Number(locked.retryAfter)).toBeGreaterThan(800);
    expect((await statusFrom(proxy, '198.51.100.20', basic(operator.user, operator.password))).status).toBe(200);
  });

  it('with a hop count, the address one hop in front is the client', async () => {
    const proxy = (stack = await startTestStack({ ...env, TRUST_PROXY: '1' }));
    for (let guess = 0; guess < 10; guess += 1) await statusFrom(proxy, '203.0.113.7', basic('operator', `guess-${guess}`));
    expect((await statusFrom(proxy, '203.0.113.7', basic(operator.user, operator.password))).status).toBe(429);
    expect((await statusFrom(proxy, '198.51.100.20', basic(operator.user, operator.password))).status).toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: rotating it does not escape the lockout', async () => {
    const proxy = (stack = await startTestStack(env));
    for (let guess = 0; guess < 10; guess += 1) await statusFrom(proxy, `203.0.113.${guess}`, basic('operator', `guess-${guess}`));
    expect((await statusFrom(proxy, '198.51.100.99', basic(operator.user, operator.password))).status).toBe(429);
  });

  it('counts an IPv6 client by its /64: rotating addresses inside it does not escape; another /64 is unaffected', async () => {
    const proxy = (stack = await startTestStack({ ...env, TRUST_PROXY: '127.0.0.1' }));
    for (let guess = 0; guess < 10; guess += 1) await statusFrom(proxy, `2001:db8:1:2::${(guess + 1).toString(16)}`, basic('operator', `guess-${guess}`));
    expect((await statusFrom(proxy, '2001:db8:1:2:ffff:ffff:ffff:fffe', basic(operator.user, operator.password))).status).toBe(429);
    expect((await statusFrom(proxy, '2001:db8:1:3::1', basic(operator.user, operator.password))).status).toBe(200);
  });
});

describe('client keys and configuration', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s is counted as %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and CIDRs, and refuses anything else', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    for (const wrong of ['true', '0', 'proxy.example', '10.0.0.0/33', '*']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(ConfigError);
    }
  });
});
