import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { createSimulatedProvider } from '../fake-provider/simulated-provider';
import { startSimulatedUpstream } from './simulated-upstream';
import { canary, startProxy, startTestStack, type TestStack } from './testing';

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** The real proxy set to Wawp, in front of the simulated provider on loopback, so any call it made would count. */
async function startWawpStack(): Promise<TestStack> {
  const provider = createSimulatedProvider({ instances: [canary] });
  const upstream = await startSimulatedUpstream(provider);
  const proxy = await startProxy(upstream.url, {
    LOG_LEVEL: 'silent',
    PROVIDER: 'wawp',
    WAWP_BASE_URL: upstream.url,
    WAWP_INSTANCE_ID: canary.instanceId,
    WAWP_ACCESS_TOKEN: canary.instanceToken,
  });
  return {
    ...proxy,
    upstream,
    provider,
    async close() {
      await proxy.close();
      await upstream.close();
    },
  };
}

const totalHits = (running: TestStack) => [...running.provider.hits.values()].reduce((sum, hits) => sum + hits, 0);

describe('GET /api/v1/instance/capabilities through the proxy', () => {
  it('answers a Z-API instance with every way, asking the provider nothing', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
    const reply = await stack.get(operations.getCapabilities.path);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ registration: true, linking: true, accountSecurity: true });
    expect(totalHits(stack)).toBe(0);
  });

  it('answers a Wawp instance with linking only, asking the provider nothing', async () => {
    stack = await startWawpStack();
    // The same proxy does reach the provider for an operation Wawp maps.
    expect((await stack.get(operations.getStatus.path)).status).toBe(200);
    expect(totalHits(stack)).toBe(1);
    const reply = await stack.get(operations.getCapabilities.path);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ registration: false, linking: true, accountSecurity: false });
    expect(totalHits(stack)).toBe(1);
  });

  it('asks for the operator credential like every other route', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
    const reply = await fetch(`${stack.server.url}${operations.getCapabilities.path}`);
    expect(reply.status).toBe(401);
  });
});
