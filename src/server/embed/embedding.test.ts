import { mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mintEmbedToken, type EmbedTokenRequest } from '../../../examples/portal/mint-token';
import { createSimulatedProvider, type SimulatedProvider } from '../../fake-provider/simulated-provider';
import { loadConfig } from '../config';
import { startSimulatedUpstream } from '../simulated-upstream';
import { startServer, type RunningServer } from '../start';
import { captureLogs } from '../testing/proxy-under-test';

const secret = 'embed-test-secret-of-at-least-32-chars';
const portal = 'http://localhost:4100';
const shopA = { instanceId: 'CANARY_A_INSTANCE_1d2e', instanceToken: 'CANARY_A_TOKEN_77aa', clientToken: 'CANARY_A_CLIENT_91bc' };
const shopB = { instanceId: 'CANARY_B_INSTANCE_5f6a', instanceToken: 'CANARY_B_TOKEN_33dd', clientToken: 'CANARY_B_CLIENT_42ef' };

interface Stack {
  server: RunningServer;
  provider: SimulatedProvider;
  logs: string[];
  call(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  token(overrides?: Partial<EmbedTokenRequest>): Promise<string>;
  close(): Promise<void>;
}

/** Two aliases from an INSTANCES_FILE, both on one simulated upstream, and embedding on. */
async function startEmbedStack(env: Record<string, string> = {}): Promise<Stack> {
  const provider = createSimulatedProvider({ instances: [shopA, shopB] });
  const upstream = await startSimulatedUpstream(provider);
  const folder = mkdtempSync(join(tmpdir(), 'instances-'));
  const file = join(folder, 'instances.json');
  writeFileSync(file, JSON.stringify({ 'shop-a': { provider: 'zapi', baseUrl: upstream.url, ...shopA }, 'shop-b': { provider: 'zapi', baseUrl: upstream.url, ...shopB } }));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>console</title>');
  const { lines, stream } = captureLogs();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'info',
    INSTANCES_FILE: file,
    EMBED_ENABLED: 'true',
    EMBED_ISSUER: 'portal',
    EMBED_SECRET: secret,
    EMBED_ALLOWED_ORIGINS: `${portal}, https://admin.example`,
    ...env,
  });
  const server = await startServer(config, { staticDir: folder, logDestination: stream });
  return {
    server,
    provider,
    logs: lines,
    async call(path, body, headers = {}) {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: body === null ? 'GET' : 'POST',
        headers: { ...(body === null ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === null ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    token: (overrides = {}) => mintEmbedToken({ secret, issuer: 'portal', operator: 'operator-7', instance: 'shop-a', parentOrigin: portal, ...overrides }),
    async close() {
      await server.close();
      await upstream.close();
    },
  };
}

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function session(s: Stack, overrides: Partial<EmbedTokenRequest> = {}): Promise<string> {
  const answer = await s.call('/embed/session', { token: await s.token(overrides) });
  expect(answer.status).toBe(200);
  const body = answer.body;
  if (typeof body !== 'object' || body === null || !('session' in body) || typeof body.session !== 'string') throw new Error('no session');
  return body.session;
}

const happy = { ddi: '55', phone: '11987654321' };

describe('embedding in the proxy', () => {
  it('exchanges a token once for a session that acts on the token’s instance only', async () => {
    const s = (stack = await startEmbedStack());
    const token = await s.token();
    const first = await s.call('/embed/session', { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ parentOrigin: portal, instance: 'shop-a' });
    expect(JSON.stringify(first.body)).not.toContain('CANARY');
    const replay = await s.call('/embed/session', { token });
    expect(replay).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });

    const bearer = { authorization: `Bearer ${await session(s)}` };
    expect((await s.call('/registration/availability', happy, bearer)).status).toBe(200);
    await s.call('/registration/code-request', { ...happy, method: 'sms' }, bearer);
    expect((await s.call('/registration/code-confirmation', { code: '123456' }, bearer)).body).toEqual({ outcome: 'connected' });
    expect(s.provider.instance(shopA.instanceId)?.connected).toBe(true);
    expect(s.provider.instance(shopB.instanceId)?.connected).toBe(false);
  });

  it('keeps the guards’ journey per instance: one alias’s availability check does not open the other’s code request', async () => {
    const s = (stack = await startEmbedStack());
    const shopASession = { authorization: `Bearer ${await session(s)}` };
    const shopBSession = { authorization: `Bearer ${await session(s, { instance: 'shop-b' })}` };
    expect((await s.call('/registration/availability', happy, shopASession)).status).toBe(200);
    const early = await s.call('/registration/code-request', { ...happy, method: 'sms' }, shopBSession);
    expect(early).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });
    expect(s.provider.hits.get('/mobile/request-registration-code') ?? 0).toBe(0);
    expect((await s.call('/registration/code-request', { ...happy, method: 'sms' }, shopASession)).status).toBe(200);
    expect(s.provider.hits.get('/mobile/request-registration-code')).toBe(1);
  });

  it('refuses API calls without a session, with an unknown one, and tokens for unknown instances', async () => {
    const s = (stack = await startEmbedStack());
    expect(await s.call('/registration/availability', happy)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    const unknown = { authorization: `Bearer es_${'x'.repeat(43)}` };
    expect(await s.call('/registration/availability', happy, unknown)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(await s.call('/embed/session', { token: await s.token({ instance: 'shop-z' }) })).toMatchObject({ status: 403 });
    expect(await s.call('/embed/session', { token: await s.token({ parentOrigin: 'http://127.0.0.1:4100' }) })).toMatchObject({ status: 401 });
    expect(await s.call('/embed/session', { token: await s.token({ lifetimeSeconds: 3600 }) })).toMatchObject({ status: 401 });
    expect([...s.provider.hits.values()].reduce((sum, hits) => sum + hits, 0)).toBe(0);
  });

  it('answers TOKEN_EXPIRED for an expired token and for a session past its idle time', async () => {
    const s = (stack = await startEmbedStack({ EMBED_SESSION_IDLE_SECONDS: '1' }));
    const old = await s.token({ issuedAt: Math.floor(Date.now() / 1000) - 400, lifetimeSeconds: 300 });
    expect(await s.call('/embed/session', { token: old })).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
    const bearer = { authorization: `Bearer ${await session(s)}` };
    expect((await s.call('/instance/status', null, bearer)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await s.call('/instance/status', null, bearer)).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
  });

  it('lets only the allowed origins frame the console’s pages, and keeps the API unframeable', async () => {
    const s = (stack = await startEmbedStack());
    const page = await fetch(`${s.server.url}/`);
    expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors ${portal} https://admin.example`);
    expect(page.headers.get('x-frame-options')).toBeNull();
    // A revalidated page (304, no content type) keeps the same rule, or a reloaded frame is refused.
    const etag = page.headers.get('etag') ?? '';
    // node:http, because fetch adds `cache-control: no-cache` to a conditional request.
    const revalidated = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${s.server.url}/`, { headers: { 'if-none-match': etag } }, (response) => {
        response.resume();
        resolve(response);
      }).on('error', reject);
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers['content-security-policy']).toContain(`frame-ancestors ${portal}`);
    expect(revalidated.headers['x-frame-options']).toBeUndefined();
    const api = await fetch(`${s.server.url}/api/v1/instance/status`);
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(api.headers.get('x-frame-options')).toBe('DENY');
  });

  it('logs exchanges with hashed identifiers and never a token, a session or a credential', async () => {
    const s = (stack = await startEmbedStack());
    const token = await s.token();
    await s.call('/embed/session', { token });
    await s.call('/embed/session', { token });
    const id = await session(s);
    await s.call('/registration/availability', happy, { authorization: `Bearer ${id}` });
    const text = s.logs.join('\n');
    expect(text).toContain('"outcome":"accepted"');
    expect(text).toContain('"reason":"replayed"');
    for (const secretValue of [token, id, id.slice(3), secret, 'operator-7', shopA.instanceToken, shopA.instanceId, shopA.clientToken]) {
      expect(text).not.toContain(secretValue);
    }
  });
});
