import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../../contract/operations';
import { startFaultUpstream, zapiLike, type FaultUpstream } from '../fault-upstream';
import { canary, operatorToken, rawPost, startProxy, type ProxyUnderTest } from '../testing';

/** Calls the client gave up on never reach the provider; a call in flight at SIGTERM gets a typed answer. */
let upstream: FaultUpstream | undefined;
let proxy: ProxyUnderTest | undefined;
afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
  proxy = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a request on a raw socket and closes the socket after `ms`, without waiting for an answer. */
function sendThenLeave(url: string, bytes: string, ms: number): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    socket.on('error', () => undefined);
    setTimeout(() => {
      socket.destroy();
      resolve();
    }, ms);
  });
}

describe('a client that goes away', () => {
  it('a call still queued behind another when its client leaves is never sent to the provider', async () => {
    upstream = await startFaultUpstream();
    // The first availability check takes 800 ms at the provider; the second waits its turn.
    upstream.behave((response, path, request) => (upstream?.hits === 1 ? setTimeout(() => zapiLike(response, path, request), 800) : zapiLike(response, path, request)));
    proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent' });
    const first = proxy.post(operations.checkAvailability.path, { ddi: '55', phone: '11987654321' });
    await sleep(100);
    await sendThenLeave(proxy.server.url, rawPost(operations.checkAvailability.path, JSON.stringify({ ddi: '55', phone: '11987650000' })), 200);
    expect((await first).status).toBe(200);
    await sleep(300);
    expect(upstream.hits).toBe(1);
  });

  it('a GET to the provider is cut off when its client leaves', async () => {
    upstream = await startFaultUpstream();
    const upstreamClosed: { at: number | null } = { at: null };
    upstream.behave((_response, _path, request) => {
      request.socket.once('close', () => {
        upstreamClosed.at = performance.now();
      });
    });
    proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent', UPSTREAM_HEADERS_TIMEOUT_MS: '10000' });
    const started = performance.now();
    await sendThenLeave(proxy.server.url, `GET ${operations.getStatus.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${operatorToken}\r\n\r\n`, 300);
    await sleep(500);
    expect(upstream.hits).toBe(1);
    expect(upstreamClosed.at).not.toBeNull();
    expect((upstreamClosed.at ?? Infinity) - started).toBeLessThan(2_000);
  });
});

describe('SIGTERM', () => {
  it('a call in flight gets a typed answer within the drain window, then the process exits', { timeout: 30_000 }, async () => {
    upstream = await startFaultUpstream();
    upstream.behave(() => undefined);
    const staticDir = mkdtempSync(join(tmpdir(), 'console-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        LOG_LEVEL: 'warn',
        STATIC_DIR: staticDir,
        ZAPI_BASE_URL: upstream.url,
        ZAPI_INSTANCE_ID: canary.instanceId,
        ZAPI_INSTANCE_TOKEN: canary.instanceToken,
        ZAPI_CLIENT_TOKEN: canary.clientToken,
        OPERATOR_TOKEN: operatorToken,
        UPSTREAM_CONNECT_TIMEOUT_MS: '500',
        UPSTREAM_HEADERS_TIMEOUT_MS: '1500',
        UPSTREAM_BODY_TIMEOUT_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
    });
    try {
      const inFlight = fetch(`${url}${operations.checkAvailability.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}` },
        body: JSON.stringify({ ddi: '55', phone: '11987654321' }),
      });
      await sleep(300);
      const signalledAt = performance.now();
      child.kill('SIGTERM');
      const reply = await inFlight;
      expect(reply.status).toBe(504);
      expect(await reply.json()).toEqual({ code: 'UPSTREAM_TIMEOUT', message: 'The provider took too long to answer.' });
      expect(reply.headers.get('connection')).toBe('close');
      expect(await exited).toBe(0);
      // Drain window: the three upstream timeouts (2.5 s) plus 2 s; the call ended well inside it.
      expect(performance.now() - signalledAt).toBeLessThan(4_500);
    } finally {
      child.kill('SIGKILL');
      rmSync(staticDir, { recursive: true, force: true });
    }
  });
});
