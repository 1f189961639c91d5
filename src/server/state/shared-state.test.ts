import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../../examples/portal/mint-token';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { createSimulatedProvider, type SimulatedProvider } from '../../fake-provider/simulated-provider';
import { magicNumbers } from '../../fake-provider/scenarios';
import { zapiAdapter } from '../../providers/zapi';
import { createGuardedCall } from '../guards/guarded-call';
import { startSimulatedUpstream, type SimulatedUpstream } from '../simulated-upstream';
import { canary, operatorToken, startProxy, type ProxyUnderTest } from '../testing/proxy-under-test';
import { createRedisProviderMemoryStore } from './provider-memory-store';
import { createRedisFlowStateStore } from './redis-flow-state-store';
import { redisPerFile, testEncryptionKey } from '../testing/redis-fixture';

/**
 * Several real proxies (each standing for one process) over one real redis-server and one simulated
 * provider: a journey, its limits, the appeal token and embed tokens are shared, and a Redis outage
 * fails closed with no provider call.
 */
const redis = redisPerFile();

let provider: SimulatedProvider;
let upstream: SimulatedUpstream | null = null;
let proxies: ProxyUnderTest[] = [];
let prefix = '';

async function start(count: number, extraEnv: Record<string, string> = {}, clock?: ManualClock): Promise<ProxyUnderTest[]> {
  // The provider and the guards share a clock when a test moves time.
  provider = createSimulatedProvider({ instances: [canary], ...(clock ? { clock } : {}) });
  const started = await startSimulatedUpstream(provider);
  upstream = started;
  prefix = redis.freshPrefix();
  for (let index = 0; index < count; index += 1) proxies.push(await startProxy(started.url, env(prefix, extraEnv), clock ? { guards: { clock } } : {}));
  return proxies;
}

function env(keyPrefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    REDIS_URL: redis.server().url,
    REDIS_KEY_PREFIX: keyPrefix,
    STATE_ENCRYPTION_KEY: testEncryptionKey.toString('hex'),
    ...extra,
  };
}

afterEach(async () => {
  for (const proxy of proxies) await proxy.close();
  proxies = [];
  await upstream?.close();
  upstream = null;
});

const api = (path: string) => `/api/v1${path}`;
const hits = (path: string) => provider.hits.get(path) ?? 0;
const totalHits = () => [...provider.hits.values()].reduce((sum, count) => sum + count, 0);
const number = (phone: string) => ({ ddi: '55', phone });

describe('state shared in Redis by several proxy processes', () => {
  it('continues a journey on another process and after a restart', async () => {
    const [a, b] = await start(2);
    if (!a || !b) throw new Error('two proxies expected');
    const happy = number('11987650001');
    expect((await a.post(api('/registration/availability'), happy)).status).toBe(200);
    expect((await b.post(api('/registration/code-request'), { ...happy, method: 'sms' })).body).toMatchObject({ outcome: 'sent' });
    // The resend wait holds on the other process too.
    const early = await a.post(api('/registration/code-request'), { ...happy, method: 'sms' });
    expect(early.status).toBe(429);
    expect(hits('/mobile/request-registration-code')).toBe(1);
    await a.close();
    proxies = proxies.filter((proxy) => proxy !== a);
    const restarted = await startProxy(upstream?.url ?? '', env(prefix));
    proxies.push(restarted);
    expect((await restarted.post(api('/registration/code-confirmation'), { code: '123456' })).body).toEqual({ outcome: 'connected' });

    // Every key has the prefix and a TTL; no key or value holds the code or a credential.
    const state = redis.connect(prefix);
    const keys = await state.run((client) => client.keys('*'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith(prefix)).toBe(true);
      expect(await state.run((client) => client.pttl(key))).toBeGreaterThan(0);
      const type = await state.run((client) => client.type(key));
      const value =
        type === 'string'
          ? await state.run((client) => client.get(key))
          : type === 'list'
            ? (await state.run((client) => client.lrange(key, 0, -1))).join(' ')
            : (await state.run((client) => client.zrangebyscore(key, '-inf', '+inf'))).join(' ');
      for (const secret of ['123456', canary.instanceToken, canary.clientToken, operatorToken]) expect(`${key} ${value ?? ''}`).not.toContain(secret);
    }
  });

  it('refuses the sixth wrong code whichever process receives it, even when they race', async () => {
    const [a, b] = await start(2);
    if (!a || !b) throw new Error('two proxies expected');
    const happy = number('11987650002');
    await a.post(api('/registration/availability'), happy);
    await b.post(api('/registration/code-request'), { ...happy, method: 'sms' });
    const wrong = await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? a : b).post(api('/registration/code-confirmation'), { code: `00000${index}` })),
    );
    expect(wrong.filter((reply) => reply.status === 200)).toHaveLength(5);
    expect(wrong.filter((reply) => reply.status === 429)).toHaveLength(3);
    expect(hits('/mobile/confirm-registration-code')).toBe(5);
    expect((await b.post(api('/registration/code-confirmation'), { code: '123456' })).status).toBe(429);
    expect(hits('/mobile/confirm-registration-code')).toBe(5);
  });

  it('holds the hourly cap of code requests for a number across processes and restarts', async () => {
    const clock = manualClock(Date.UTC(2026, 5, 1, 12));
    const [a, b] = await start(2, {}, clock);
    if (!a || !b) throw new Error('two proxies expected');
    const happy = number('11987650006');
    await a.post(api('/registration/availability'), happy);
    for (let sent = 0; sent < 5; sent += 1) {
      expect((await (sent % 2 === 0 ? a : b).post(api('/registration/code-request'), { ...happy, method: 'sms' })).status).toBe(200);
      clock.advance(61_000);
    }
    for (const proxy of [a, b]) await proxy.close();
    proxies = [];
    const restarted = await startProxy(upstream?.url ?? '', env(prefix), { guards: { clock } });
    proxies.push(restarted);
    const sixth = await restarted.post(api('/registration/code-request'), { ...happy, method: 'sms' });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 - 5 * 61 });
    expect(hits('/mobile/request-registration-code')).toBe(5);
  });

  it('answers at most ten wrong sign-ins as wrong when guesses race on three processes, then refuses even the right one', async () => {
    const all = await start(3);
    const wrong = { authorization: 'Bearer not-the-operator-token' };
    const answers = await Promise.all(all.flatMap((proxy) => Array.from({ length: 10 }, () => proxy.get(api('/instance/capabilities'), wrong))));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    for (const proxy of all) expect((await proxy.get(api('/instance/capabilities'))).status).toBe(429);
    expect(totalHits()).toBe(0);
  });

  it('collapses identical calls made on two processes at once into one provider call', async () => {
    const [a, b] = await start(2);
    if (!a || !b) throw new Error('two proxies expected');
    // The slow number's answer takes 4 s, so the four calls are surely in flight together.
    const slow = number(magicNumbers.slow);
    const replies = await Promise.all([a, b, a, b].map((proxy) => proxy.post(api('/registration/availability'), slow)));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect(hits('/mobile/registration-available')).toBe(1);
  }, 15_000);

  it('sends the appeal with the token remembered by another process, sealed in Redis', async () => {
    const [a, b] = await start(2);
    if (!a || !b) throw new Error('two proxies expected');
    const banned = number(magicNumbers.bannedInReview);
    expect((await a.post(api('/registration/availability'), banned)).body).toMatchObject({ outcome: 'banned' });
    const appeal = await b.post(api('/registration/appeal'), { description: 'This number belongs to our support desk since 2019.' });
    expect(appeal.status).toBe(200);
    expect(hits('/mobile/request-unbanning')).toBe(1);
  });

  it('answers 503 STATE_UNAVAILABLE with no provider call while Redis is down, and recovers without a restart', async () => {
    const [a] = await start(1);
    if (!a) throw new Error('a proxy expected');
    const happy = number('11987650004');
    expect((await a.get('/readyz')).status).toBe(200);
    await redis.server().stop();
    try {
      const before = totalHits();
      const refused = await a.post(api('/registration/availability'), happy);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'STATE_UNAVAILABLE' });
      expect((await a.post(api('/registration/code-confirmation'), { code: '123456' })).body).toMatchObject({ code: 'STATE_UNAVAILABLE' });
      expect(totalHits()).toBe(before);
      const ready = await a.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ code: 'STATE_UNAVAILABLE' });
    } finally {
      await redis.server().start();
    }
    let ready = 0;
    for (let attempt = 0; attempt < 50 && ready !== 200; attempt += 1) {
      await sleep(100);
      ready = (await a.get('/readyz')).status;
    }
    expect(ready).toBe(200);
    expect((await a.post(api('/registration/availability'), happy)).status).toBe(200);
  });
});

describe('the guards over an unreachable Redis', () => {
  it('refuse every guarded call before the provider is asked', async () => {
    const state = redis.connect(redis.freshPrefix());
    const call = createGuardedCall({ store: createRedisFlowStateStore(state), memory: createRedisProviderMemoryStore(state, testEncryptionKey) });
    let sent = 0;
    const context = {
      adapter: zapiAdapter,
      memory: {},
      send: () => {
        sent += 1;
        return Promise.resolve({ status: 200, body: { success: true } });
      },
    };
    const errors: string[] = [];
    const log = { warn: () => undefined, error: (details: Record<string, unknown>) => errors.push(String(details.operation)) };
    expect((await call('default', 'checkAvailability', number('11987650005'), context, { log })).status).not.toBe(503);
    await redis.server().stop();
    try {
      for (const [name, body] of [
        ['checkAvailability', number('11987650005')],
        ['requestCode', { ...number('11987650005'), method: 'sms' }],
        ['confirmCode', { code: '123456' }],
      ] as const) {
        const reply = await call('default', name, body, context, { log });
        expect(reply.status).toBe(503);
        expect(reply.body).toMatchObject({ code: 'STATE_UNAVAILABLE' });
      }
      expect(sent).toBe(1);
      expect(errors).toEqual(['checkAvailability', 'requestCode', 'confirmCode']);
    } finally {
      await redis.server().start();
    }
  });
});

describe('embed tokens shared in Redis', () => {
  it('refuses on one process a token exchanged on another, whose session works on both', async () => {
    const secret = 'embed-test-secret-of-at-least-32-chars';
    const portal = 'http://localhost:4100';
    const [a, b] = await start(2, { EMBED_ENABLED: 'true', EMBED_ISSUER: 'portal', EMBED_SECRET: secret, EMBED_ALLOWED_ORIGINS: portal });
    if (!a || !b) throw new Error('two proxies expected');
    const token = await mintEmbedToken({ secret, issuer: 'portal', operator: 'operator-7', instance: 'default', parentOrigin: portal });
    const first = await a.post(api('/embed/session'), { token }, { authorization: '' });
    expect(first.status).toBe(200);
    expect((await b.post(api('/embed/session'), { token }, { authorization: '' })).body).toMatchObject({ code: 'UNAUTHORIZED' });
    const session = typeof first.body === 'object' && first.body !== null && 'session' in first.body ? String(first.body.session) : '';
    for (const proxy of [a, b]) {
      expect((await proxy.get(api('/instance/status'), { authorization: `Bearer ${session}` })).status).toBe(200);
    }
  });
});

