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
