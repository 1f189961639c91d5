import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import { manualClock, type ManualClock } from '../../fake-provider/clock';
import { createSimulatedProvider, type SimulatedProvider } from '../../fake-provider/simulated-provider';
import { loadConfig } from '../config';
import { startSimulatedUpstream, type SimulatedUpstream } from '../simulated-upstream';
import { startServer, type RunningServer, type StartOptions } from '../start';

/** Test support: a real proxy on loopback in front of a real simulated upstream, logs captured. */

export const canary = {
  instanceId: 'CANARY_INSTANCE_3c9d',
  instanceToken: 'CANARY_TOKEN_7f3a',
  clientToken: 'CANARY_CLIENT_b21e',
};

/** The operator credential every test stack requires (a Z-API provider needs one, even on loopback). */
export const operatorToken = 'CANARY_OPERATOR_5e81d0c4';
export const operatorHeaders: Record<string, string> = { authorization: `Bearer ${operatorToken}` };

export interface ProxyUnderTest {
  server: RunningServer;
  logs: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<TestReply>;
  /** A GET with the operator credential. */
  get(path: string, headers?: Record<string, string>): Promise<TestReply>;
  close(): Promise<void>;
}

export interface TestStack extends ProxyUnderTest {
  upstream: SimulatedUpstream;
  provider: SimulatedProvider;
}

export interface TestReply {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** An answer as the tests read it: status, parsed body (null when not JSON), text and headers. */
export async function readReply(response: Response): Promise<TestReply> {
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export function captureLogs(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

export type ProxyOptions = Pick<StartOptions, 'guards' | 'auth'>;

/** The real proxy with the canary credentials in front of any upstream on loopback, logs captured. */
export async function startProxy(upstreamUrl: string, env: Record<string, string> = {}, options: ProxyOptions = {}): Promise<ProxyUnderTest> {
  const { lines, stream } = captureLogs();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'info',
    ZAPI_BASE_URL: upstreamUrl,
    ZAPI_INSTANCE_ID: canary.instanceId,
    ZAPI_INSTANCE_TOKEN: canary.instanceToken,
    ZAPI_CLIENT_TOKEN: canary.clientToken,
    OPERATOR_TOKEN: operatorToken,
    ...env,
  });
  const server = await startServer(config, { staticDir: null, logDestination: stream, ...options });
  return {
    server,
    logs: lines,
    async post(path, body, headers = {}) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...operatorHeaders, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return readReply(response);
    },
    async get(path, headers = {}) {
      return readReply(await fetch(`${server.url}${path}`, { headers: { ...operatorHeaders, ...headers } }));
    },
    close: () => server.close(),
  };
}

export async function startTestStack(env: Record<string, string> = {}, options: ProxyOptions = {}): Promise<TestStack> {
  return startStack(() => env, options);
}

/**
 * Stacks whose guards run on a clock the test moves (from 2026-06-01 12:00 UTC), one per test, each
 * closed after its test. Call at the top of a test file.
 */
export function clockedStacks(): { start: (env?: Record<string, string>) => Promise<TestStack>; readonly clock: ManualClock } {
  let stack: TestStack | undefined;
  let clock = manualClock(Date.UTC(2026, 5, 1, 12));
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });
  return {
    get clock() {
      return clock;
    },
    start: async (env = { LOG_LEVEL: 'silent' }) => {
      clock = manualClock(Date.UTC(2026, 5, 1, 12));
      stack = await startTestStack(env, { guards: { clock } });
      return stack;
    },
  };
}

/** The same stack with the proxy set to Wawp: the simulated upstream speaks both providers. */
export async function startWawpTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  return startStack((url) => ({
    PROVIDER: 'wawp',
    WAWP_BASE_URL: url,
    WAWP_INSTANCE_ID: canary.instanceId,
    WAWP_ACCESS_TOKEN: canary.instanceToken,
    ...env,
  }));
}

async function startStack(envFor: (upstreamUrl: string) => Record<string, string>, options: ProxyOptions = {}): Promise<TestStack> {
  // The provider and the guards share a clock, so a test moves both at once.
  const provider = createSimulatedProvider({ instances: [canary], ...(options.guards?.clock ? { clock: options.guards.clock } : {}) });
  const upstream = await startSimulatedUpstream(provider);
  const proxy = await startProxy(upstream.url, envFor(upstream.url), options);
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

/**
 * Sends bytes exactly as given (no URL normalisation, no header checks, as an attacker would) and
 * resolves with the status code, or null when the server closed the connection without one.
 */
export function rawRequest(baseUrl: string, bytes: string, timeoutMs = 2_000): Promise<{ status: number | null; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let text = '';
    const finish = () => {
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match?.[1] ? Number(match[1]) : null, text });
    };
    socket.setTimeout(timeoutMs, finish);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.once('end', finish);
    socket.once('error', finish);
    socket.once('connect', () => socket.write(bytes));
  });
}

/** A raw HTTP/1.1 POST with a JSON body and the operator credential, for paths fetch would tidy up. */
export function rawPost(path: string, body: string, extraHeaders = ''): string {
  return (
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${operatorToken}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`
  );
}
