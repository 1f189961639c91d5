import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { startTestStack, startWawpTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});


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
    stack = await startWawpTestStack({ LOG_LEVEL: 'silent' });
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
