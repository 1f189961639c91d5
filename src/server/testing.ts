import { Writable } from 'node:stream';
import { createSimulatedProvider, type SimulatedProvider } from '../fake-provider/simulated-provider';
import { loadConfig } from './config';
import { startSimulatedUpstream, type SimulatedUpstream } from './simulated-upstream';
import { startServer, type RunningServer, type StartOptions } from './start';

/** Test support: a real proxy on loopback in front of a real simulated upstream, logs captured. */

export const canary = {
  instanceId: 'CANARY_INSTANCE_3c9d',
  instanceToken: 'CANARY_TOKEN_7f3a',
  clientToken: 'CANARY_CLIENT_b21e',
};

export interface TestStack {
  server: RunningServer;
  upstream: SimulatedUpstream;
  provider: SimulatedProvider;
  logs: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; text: string; headers: Headers }>;
  close(): Promise<void>;
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

export async function startTestStack(env: Record<string, string> = {}, options: Pick<StartOptions, 'guards'> = {}): Promise<TestStack> {
  // The provider and the guards share a clock, so a test moves both at once.
  const provider = createSimulatedProvider({ instances: [canary], ...(options.guards?.clock ? { clock: options.guards.clock } : {}) });
  const upstream = await startSimulatedUpstream(provider);
  const { lines, stream } = captureLogs();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'info',
    ZAPI_BASE_URL: upstream.url,
    ZAPI_INSTANCE_ID: canary.instanceId,
    ZAPI_INSTANCE_TOKEN: canary.instanceToken,
    ZAPI_CLIENT_TOKEN: canary.clientToken,
    ...env,
  });
  const server = await startServer(config, { staticDir: null, logDestination: stream, ...options });
  return {
    server,
    upstream,
    provider,
    logs: lines,
    async post(path, body, headers = {}) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    },
    async close() {
      await server.close();
      await upstream.close();
    },
  };
}
