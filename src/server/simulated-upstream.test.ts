import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedProvider } from '../fake-provider/simulated-provider';
import { HIT_COUNTER_PATH, startSimulatedUpstream, type SimulatedUpstream } from './simulated-upstream';

const instance = { instanceId: 'sim-test', instanceToken: 'token-test', clientToken: 'client-test' };

describe('simulated upstream hit counter', () => {
  let upstream: SimulatedUpstream | null = null;
  afterEach(async () => {
    await upstream?.close();
    upstream = null;
  });

  async function callAvailability(base: string): Promise<void> {
    await fetch(`${base}/instances/${instance.instanceId}/token/${instance.instanceToken}/mobile/registration-available`, {
      method: 'POST',
      headers: { 'client-token': instance.clientToken, 'content-type': 'application/json' },
      body: JSON.stringify({ ddi: '55', phone: '11987654321' }),
    });
  }

  it('counts the calls that reached the provider, by route, without counting itself', async () => {
    upstream = await startSimulatedUpstream(createSimulatedProvider({ instances: [instance] }), 0, { hitCounter: true });
    expect(upstream.hitCounterUrl).toBe(`${upstream.url}${HIT_COUNTER_PATH}`);
    await callAvailability(upstream.url);
    await callAvailability(upstream.url);
    const first: unknown = await (await fetch(upstream.hitCounterUrl ?? '')).json();
    const second: unknown = await (await fetch(upstream.hitCounterUrl ?? '')).json();
    expect(first).toEqual({ '/mobile/registration-available': 2 });
    expect(second).toEqual(first);
  });

  it('has no counter unless asked for one', async () => {
    upstream = await startSimulatedUpstream(createSimulatedProvider({ instances: [instance] }));
    expect(upstream.hitCounterUrl).toBeNull();
    const response = await fetch(`${upstream.url}${HIT_COUNTER_PATH}`);
    expect(response.status).not.toBe(200);
  });
});

describe('simulated upstream shared by several proxies (any credentials)', () => {
  let upstream: SimulatedUpstream | null = null;
  afterEach(async () => {
    await upstream?.close();
    upstream = null;
  });

  const zapi = (base: string, id: string, token: string, client: string, rest: string, body?: object) =>
    fetch(`${base}/instances/${id}/token/${token}${rest}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'client-token': client, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('answers any instance id, token and client token, and keeps one instance per id', async () => {
    const provider = createSimulatedProvider({ instances: [], anyCredentials: true });
    upstream = await startSimulatedUpstream(provider);
    const number = { ddi: '55', phone: '11987654321' };
    const available = await zapi(upstream.url, 'first', 'any-token', 'any-client', '/mobile/registration-available', number);
    expect(await available.json()).toMatchObject({ available: true });
    const sent = await zapi(upstream.url, 'first', 'other-token', 'other-client', '/mobile/request-registration-code', { ...number, method: 'sms' });
    expect(sent.status).toBe(200);
    // The same id is the same instance whatever the credentials; another id is another instance.
    expect(provider.instance('first')?.registration?.codeIssued).toBe(true);
    await zapi(upstream.url, 'second', 't', 'c', '/mobile/registration-available', number);
    expect(provider.instance('second')?.registration?.codeIssued).toBe(false);
  });

  it('still refuses a call with no client token, as Z-API does', async () => {
    upstream = await startSimulatedUpstream(createSimulatedProvider({ instances: [], anyCredentials: true }));
    const response = await fetch(`${upstream.url}/instances/first/token/t/status`);
    expect(await response.json()).toEqual({ error: 'null not allowed' });
  });

  it('accepts only the configured credentials otherwise', async () => {
    upstream = await startSimulatedUpstream(createSimulatedProvider({ instances: [instance] }));
    const response = await zapi(upstream.url, instance.instanceId, 'wrong-token', instance.clientToken, '/status');
    expect(response.status).toBe(404);
  });
});
