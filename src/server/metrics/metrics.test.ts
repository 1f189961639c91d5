import { afterEach, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../../examples/portal/mint-token';
import { loadConfig } from '../config';
import { createMemoryFlowStateStore, type FlowStateStore } from '../guards/flow-state-store';
import { startServer, type RunningServer } from '../start';
import { startFaultUpstream } from '../fault-upstream';
import { canary, captureLogs, operatorHeaders, operatorToken, startProxy, startTestStack, type TestStack } from '../testing';
import { measuredFlowStateStore } from './instrument';
import { createMetrics } from './metrics';

/** One sample of the Prometheus text format: its name, its labels and its value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match?.[1] || match[3] === undefined) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key = '', value = '']) => [key, value]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with that name and (at least) those labels; 0 when there is none. */
function valueOf(all: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = all.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

const api = (path: string) => `/api/v1${path}`;
const happy = { ddi: '55', phone: '11987654321' };

let stacks: TestStack[] = [];
let servers: RunningServer[] = [];
afterEach(async () => {
  for (const stack of stacks) await stack.close();
  for (const server of servers) await server.close();
  stacks = [];
  servers = [];
});

async function stack(env: Record<string, string> = {}): Promise<TestStack> {
  const started = await startTestStack({ LOG_LEVEL: 'silent', ...env });
  stacks.push(started);
  return started;
}

describe('/metrics', () => {
  it('counts a happy-path journey, a guard refusal and a refused credential', async () => {
    const proxy = await stack();
    const other = await stack();
    expect((await proxy.post(api('/registration/availability'), happy)).body).toMatchObject({ outcome: 'available' });
    expect((await proxy.post(api('/registration/pin-confirmation'), { pin: '246810' })).status).toBe(409);
    expect((await proxy.post(api('/registration/code-request'), { ...happy, method: 'sms' })).body).toMatchObject({ outcome: 'sent' });
    expect((await proxy.post(api('/registration/code-confirmation'), { code: '123456' })).body).toEqual({ outcome: 'connected' });
    expect((await proxy.get(api('/instance/status'))).body).toEqual({ connected: true, needsRestore: false });
    expect((await fetch(`${proxy.server.url}${api('/instance/status')}`)).status).toBe(401);

    const refused = await fetch(`${proxy.server.url}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('wa_http_requests_total');

    const reply = await proxy.get('/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const all = samples(reply.text);
    const requests = (operation: string, outcome: string) => valueOf(all, 'wa_http_requests_total', { operation, outcome });
    expect(requests('checkAvailability', 'ok')).toBe(1);
    expect(requests('requestCode', 'ok')).toBe(1);
    expect(requests('confirmCode', 'ok')).toBe(1);
    expect(requests('getStatus', 'ok')).toBe(1);
    expect(requests('confirmPin', 'STEP_OUT_OF_ORDER')).toBe(1);
    expect(requests('getStatus', 'UNAUTHORIZED')).toBe(1);
    expect(valueOf(all, 'wa_http_request_duration_seconds_count', { operation: 'checkAvailability' })).toBe(1);
    expect(valueOf(all, 'wa_http_request_duration_seconds_bucket', { operation: 'checkAvailability', le: '+Inf' })).toBe(1);

    const step = (name: string, outcome: string) => valueOf(all, 'wa_journey_steps_total', { step: name, outcome });
    expect(step('checkAvailability', 'available')).toBe(1);
    expect(step('requestCode', 'sent')).toBe(1);
    expect(step('confirmCode', 'connected')).toBe(1);
    expect(step('confirmPin', 'STEP_OUT_OF_ORDER')).toBe(1);

    // One provider call per answered step; the refused PIN and the refused credential reached no provider.
    const provider = (operation: string) => valueOf(all, 'wa_provider_call_duration_seconds_count', { provider: 'zapi', operation, outcome: 'ok' });
    expect([provider('checkAvailability'), provider('requestCode'), provider('confirmCode'), provider('getStatus')]).toEqual([1, 1, 1, 1]);
    expect(all.filter((sample) => sample.name === 'wa_provider_call_duration_seconds_count' && sample.labels.operation === 'confirmPin')).toEqual([]);
    expect(valueOf(all, 'wa_provider_call_duration_seconds_sum', { operation: 'confirmCode' })).toBeGreaterThan(0);

    expect(valueOf(all, 'wa_guard_refusals_total', { guard: 'registration', operation: 'confirmPin', reason: 'STEP_OUT_OF_ORDER' })).toBe(1);
    // The API call without a credential and the first scrape without one.
    expect(valueOf(all, 'wa_guard_refusals_total', { guard: 'operator-auth', reason: 'no-credential' })).toBe(2);

    // Each guarded call reads the journey's record once; the three accepted steps write it.
    expect(valueOf(all, 'wa_state_store_duration_seconds_count', { operation: 'read' })).toBe(4);
    expect(valueOf(all, 'wa_state_store_duration_seconds_count', { operation: 'write' })).toBe(3);
    expect(valueOf(all, 'wa_state_store_errors_total', { operation: 'read' })).toBe(0);
    expect(valueOf(all, 'wa_embed_sessions_active')).toBe(0);
    expect(valueOf(all, 'wa_process_resident_memory_bytes')).toBeGreaterThan(0);

    // Labels hold operation names and codes only: no number, no credential.
    for (const secret of [happy.phone, canary.instanceId, canary.instanceToken, canary.clientToken, operatorToken]) expect(reply.text).not.toContain(secret);

    // A second proxy in the same process keeps its own counts.
    const second = samples((await other.get('/metrics')).text);
    expect(valueOf(second, 'wa_http_requests_total', { operation: 'checkAvailability' })).toBe(0);
  });

  it('names the failure of a provider that cannot be reached, in the answers and in the provider calls', async () => {
    const upstream = await startFaultUpstream();
    const proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent', UPSTREAM_CONNECT_TIMEOUT_MS: '300' });
    servers.push(proxy.server);
    await upstream.close();
    expect((await proxy.post(api('/registration/availability'), happy)).body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const all = samples((await proxy.get('/metrics')).text);
    expect(valueOf(all, 'wa_http_requests_total', { operation: 'checkAvailability', outcome: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
    expect(valueOf(all, 'wa_journey_steps_total', { step: 'checkAvailability', outcome: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
    expect(valueOf(all, 'wa_provider_call_duration_seconds_count', { provider: 'zapi', operation: 'checkAvailability', outcome: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
  });

  it('is served on METRICS_PORT without a credential, and then not on the main port', async () => {
    const proxy = await stack({ METRICS_PORT: '0' });
    await proxy.post(api('/registration/availability'), happy);
    expect(proxy.server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scraped = await fetch(proxy.server.metricsUrl ?? '');
    expect(scraped.status).toBe(200);
    expect(valueOf(samples(await scraped.text()), 'wa_http_requests_total', { operation: 'checkAvailability', outcome: 'ok' })).toBe(1);
    expect((await proxy.get('/metrics', operatorHeaders)).status).toBe(404);
    expect((await fetch(new URL('/other', proxy.server.metricsUrl ?? ''))).status).toBe(404);
  });

  it('counts embed sessions, and embedded it is served on METRICS_PORT only', async () => {
    const secret = 'metrics-test-secret-of-at-least-32-chars';
    const parentOrigin = 'http://localhost:4100';
    const { stream } = captureLogs();
    const config = loadConfig({
      PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      EMBED_ENABLED: 'true',
      EMBED_ISSUER: 'portal',
      EMBED_SECRET: secret,
      EMBED_ALLOWED_ORIGINS: parentOrigin,
    });
    const server = await startServer(config, { staticDir: null, logDestination: stream });
    servers.push(server);
    const token = await mintEmbedToken({ secret, issuer: 'portal', operator: 'operator-7', instance: 'default', parentOrigin });
    const exchange = await fetch(`${server.url}/api/v1/embed/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(exchange.status).toBe(200);
    const all = samples(await (await fetch(server.metricsUrl ?? '')).text());
    expect(valueOf(all, 'wa_embed_sessions_opened_total')).toBe(1);
    expect(valueOf(all, 'wa_embed_sessions_active')).toBe(1);
    expect(valueOf(all, 'wa_http_requests_total', { operation: 'embedSession', outcome: 'ok' })).toBe(1);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});

describe('state-store series', () => {
  it('record the latency of every call and the failures', async () => {
    const metrics = createMetrics();
    const broken: FlowStateStore = { ...createMemoryFlowStateStore(), read: () => Promise.reject(new Error('connection refused')) };
    const store = measuredFlowStateStore(broken, metrics.recordStateStoreCall);
    await store.addAttempt('key', 1);
    expect(await store.attemptsSince('key', 0)).toEqual([1]);
    await expect(store.read('instance')).rejects.toThrow('connection refused');
    const all = samples(await metrics.text());
    expect(valueOf(all, 'wa_state_store_errors_total', { operation: 'read' })).toBe(1);
    expect(valueOf(all, 'wa_state_store_duration_seconds_count', { operation: 'read' })).toBe(1);
    expect(valueOf(all, 'wa_state_store_duration_seconds_count', { operation: 'addAttempt' })).toBe(1);
    expect(valueOf(all, 'wa_state_store_errors_total', { operation: 'addAttempt' })).toBe(0);
  });
});
