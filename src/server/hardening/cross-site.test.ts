import { afterEach, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../../examples/portal/mint-token';
import { embedSessionSchema } from '../../contract/embed';
import { operations } from '../../contract/operations';
import { loadConfig } from '../config';
import { startServer, type RunningServer } from '../start';
import { captureLogs, startTestStack, type TestStack } from '../testing';

/** State-changing calls sent by a page on another site are refused before anything runs. */
let stack: TestStack | undefined;
let embedded: RunningServer | undefined;
afterEach(async () => {
  await stack?.close();
  await embedded?.close();
  stack = undefined;
  embedded = undefined;
});

const number = { ddi: '55', phone: '11987654321' };
const totalHits = () => [...(stack?.provider.hits.values() ?? [])].reduce((sum, count) => sum + count, 0);

describe('cross-site requests with the operator credential', () => {
  it.each([
    ['a cross-site Origin', { origin: 'http://evil.example' }],
    ['another port on the same host (same-site, not same-origin)', { origin: 'http://127.0.0.1:1' }],
    ['an opaque Origin (sandboxed frame, data: URL)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site without Origin', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a POST with %s: 403 CROSS_SITE_REQUEST, no provider call', async (_name, headers) => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
    const reply = await stack.post(operations.checkAvailability.path, number, headers);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ code: 'CROSS_SITE_REQUEST', message: 'Requests sent by another site are not accepted.' });
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(totalHits()).toBe(0);
  });

  it('takes the same call from the console itself (same Origin, Sec-Fetch-Site: same-origin)', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
    const own = new URL(stack.server.url).origin;
    expect((await stack.post(operations.checkAvailability.path, number, { origin: own, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await stack.post(operations.checkAvailability.path, number)).status).toBe(200);
  });

  it('leaves reads alone: a GET with a cross-site Origin changes nothing and is answered', async () => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
    expect((await stack.get(operations.getStatus.path, { origin: 'http://evil.example' })).status).toBe(200);
  });
});

describe('embedded', () => {
  it("accepts the embed session's own parent origin and refuses any other", async () => {
    const portal = 'http://localhost:4100';
    const secret = 'embed-test-secret-of-at-least-32-chars';
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', EMBED_ENABLED: 'true', EMBED_ISSUER: 'portal', EMBED_SECRET: secret, EMBED_ALLOWED_ORIGINS: portal });
    embedded = await startServer(config, { staticDir: null, logDestination: captureLogs().stream });
    const token = await mintEmbedToken({ secret, issuer: 'portal', operator: 'operator-7', instance: 'default', parentOrigin: portal });
    const opened = await fetch(`${embedded.url}/api/v1/embed/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const { session } = embedSessionSchema.parse(await opened.json());
    const call = (origin: string) =>
      fetch(`${embedded?.url ?? ''}${operations.checkAvailability.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session}`, origin },
        body: JSON.stringify(number),
      });
    expect((await call(portal)).status).toBe(200);
    expect((await call('http://evil.example')).status).toBe(403);
  });
});
