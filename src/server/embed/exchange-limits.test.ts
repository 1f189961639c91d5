import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../../examples/portal/mint-token';
import { embedSessionOperation } from '../../contract/embed';
import { loadConfig } from '../config';
import { EXCHANGES_PER_WINDOW } from './embedding';
import { startServer, type RunningServer } from '../start';
import { captureLogs } from '../testing';

/** Embed tokens of another type or asking for extensions are refused; the exchange is rate-limited. */
const secret = 'embed-test-secret-of-at-least-32-chars';
const portal = 'http://localhost:4100';
let server: RunningServer | undefined;
let logs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<RunningServer> {
  const captured = captureLogs();
  logs = captured.lines;
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', EMBED_ENABLED: 'true', EMBED_ISSUER: 'portal', EMBED_SECRET: secret, EMBED_ALLOWED_ORIGINS: portal });
  server = await startServer(config, { staticDir: null, logDestination: captured.stream });
  return server;
}

async function exchange(running: RunningServer, token: string, from = '127.0.0.1'): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const reply = await fetch(`${running.url}${embedSessionOperation.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ token }),
  });
  return { status: reply.status, body: await reply.json(), retryAfter: reply.headers.get('retry-after') };
}

/** A token exactly as the portal mints it, but with the header given. */
function withHeader(header: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ inst: 'default', po: portal })
    .setProtectedHeader({ alg: 'HS256', ...header })
    .setIssuer('portal')
    .setAudience('wa-onboarding')
    .setSubject('operator-7')
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + 120)
    .sign(new TextEncoder().encode(secret));
}

describe('embed token header', () => {
  it.each([
    ['typ at+jwt', { typ: 'at+jwt' }],
    ['typ JOSE', { typ: 'JOSE' }],
    ['crit b64', { crit: ['b64'], b64: true }],
  ])('refuses a well-signed token with %s', async (_name, header) => {
    const running = await start();
    const refused = await exchange(running, await withHeader(header));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each([
    ['typ JWT', { typ: 'JWT' }],
    ['no typ', {}],
  ])('accepts a token with %s', async (_name, header) => {
    const running = await start();
    expect((await exchange(running, await withHeader(header))).status).toBe(200);
  });
});

describe('the session exchange', () => {
  it(`takes ${EXCHANGES_PER_WINDOW} attempts per client per window, then 429; its refusals are counted, not logged one by one`, async () => {
    const running = await start();
    const forged = await mintEmbedToken({ secret: 'not-the-portal-secret-but-32-chars-long', issuer: 'portal', operator: 'x', instance: 'default', parentOrigin: portal });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < EXCHANGES_PER_WINDOW + 10; attempt += 1) statuses.push((await exchange(running, forged)).status);
    expect(statuses.slice(0, EXCHANGES_PER_WINDOW).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(EXCHANGES_PER_WINDOW).every((status) => status === 429)).toBe(true);
    const limited = await exchange(running, forged);
    expect(limited.body).toMatchObject({ code: 'SIGN_IN_BUDGET' });
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Even a valid token waits: the limit is on the client, whatever it sends.
    expect((await exchange(running, await mintEmbedToken({ secret, issuer: 'portal', operator: 'o', instance: 'default', parentOrigin: portal }))).status).toBe(429);
    // Besides the one access line per request, 32 refusals wrote a single line.
    const otherLines = logs.filter((line) => !line.includes('"request completed"') && !line.includes('listening'));
    expect(otherLines).toHaveLength(1);
    expect(otherLines[0]).toContain('embed token refused');
  });
});
