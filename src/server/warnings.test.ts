import { afterEach, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './testing';

let stack: TestStack | null = null;
const warnings: Error[] = [];
const collect = (warning: Error) => warnings.push(warning);
afterEach(async () => {
  process.off('warning', collect);
  await stack?.close();
  stack = null;
});

describe('starting the proxy', () => {
  it('emits no process warning (deprecations included), nor while it answers', async () => {
    warnings.length = 0;
    process.on('warning', collect);
    stack = await startTestStack({ LOG_LEVEL: 'silent', METRICS_PORT: '0' });
    expect((await stack.post('/api/v1/registration/availability', { ddi: '55', phone: '11987654321' })).status).toBe(200);
    expect((await stack.get('/api/v1/openapi.json')).status).toBe(200);
    expect((await fetch(stack.server.metricsUrl ?? '')).status).toBe(200);
    // Warnings are emitted on a later tick: let them arrive before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  });
});
