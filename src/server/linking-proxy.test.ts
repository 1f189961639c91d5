import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedProvider } from '../fake-provider/simulated-provider';
import { loadConfig } from './config';
import { startSimulatedUpstream } from './simulated-upstream';
import { startServer } from './start';
import { canary, captureLogs, startTestStack, type TestStack } from './testing';

const closers: Array<() => Promise<void>> = [];
let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  for (const close of closers.splice(0)) await close();
});

const operatorToken = 'operator-token-0123456789';
const signedIn = { authorization: `Bearer ${operatorToken}` };

/** The real proxy configured for Wawp, in front of the simulated provider speaking Wawp on loopback. */
async function startWawpStack() {
  const provider = createSimulatedProvider({ instances: [canary] });
  const upstream = await startSimulatedUpstream(provider);
  const { lines, stream } = captureLogs();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'trace',
    WAWP_BASE_URL: upstream.url,
    WAWP_INSTANCE_ID: canary.instanceId,
    WAWP_ACCESS_TOKEN: canary.instanceToken,
    OPERATOR_TOKEN: operatorToken,
  });
  const server = await startServer(config, { staticDir: null, logDestination: stream });
  closers.push(() => server.close(), () => upstream.close());
  return { server, provider, logs: lines };
}

describe('linking through the proxy', () => {
  it('speaks Wawp with the credentials in the query only, and logs neither them nor the code', async () => {
    const wawp = await startWawpStack();
    const response = await fetch(`${wawp.server.url}/api/v1/linking/pairing-code`, {
      method: 'POST',
      headers: { ...signedIn, 'content-type': 'application/json' },
      body: JSON.stringify({ ddi: '55', phone: '11987654321' }),
    });
    const answerText = await response.text();
    expect(response.status).toBe(200);
    const code = /"code":"([^"]+)"/.exec(answerText)?.[1] ?? '';
    expect(code).toMatch(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/);
    expect(wawp.provider.hits.get('/v2/auth/request-code')).toBe(1);

    const qr = await fetch(`${wawp.server.url}/api/v1/linking/qr-code`, { headers: signedIn });
    expect(qr.status).toBe(200);
    const status = await fetch(`${wawp.server.url}/api/v1/instance/status`, { headers: signedIn });
    expect(await status.json()).toEqual({ connected: false, needsRestore: false });
    const text = [answerText, await qr.text()].join('\n');
    const logs = wawp.logs.join('\n');
    for (const secret of [canary.instanceId, canary.instanceToken, operatorToken]) {
      expect(text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(code.replace('-', ''));
  });

  it('refuses a number that is not digits before calling the provider', async () => {
    stack = await startTestStack();
    const answer = await stack.post('/api/v1/linking/pairing-code', { ddi: '55', phone: '11/../../status' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_REQUEST', fields: { phone: expect.any(String) as unknown } });
    expect([...stack.provider.hits.keys()].some((path) => path.startsWith('/phone-code'))).toBe(false);
  });
});
