import { afterEach, describe, expect, it } from 'vitest';
import { startFaultUpstream, type FaultUpstream } from './testing/fault-upstream';
import { startProxy, type ProxyUnderTest } from './testing/proxy-under-test';

let upstream: FaultUpstream;
let proxy: ProxyUnderTest;
afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

describe('health probes', () => {
  it('are alive and ready while the provider can be reached, without a credential or an upstream request', async () => {
    upstream = await startFaultUpstream();
    proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent' });
    const alive = await fetch(`${proxy.server.url}/healthz`);
    const ready = await fetch(`${proxy.server.url}/readyz`);
    expect([alive.status, await alive.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect(upstream.hits).toBe(0);
  });

  it('is not ready when the provider cannot be reached, and says no more than that', async () => {
    upstream = await startFaultUpstream();
    proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent', UPSTREAM_CONNECT_TIMEOUT_MS: '300' });
    await upstream.close();
    const ready = await fetch(`${proxy.server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: 'The provider cannot be reached.' });
    expect((await fetch(`${proxy.server.url}/healthz`)).status).toBe(200);
  });
});
