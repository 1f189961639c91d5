import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { SimulatedProvider } from '../fake-provider/simulated-provider';

export interface SimulatedUpstream {
  url: string;
  /** Where the calls that reached the provider are counted, when asked for; null otherwise. */
  hitCounterUrl: string | null;
  close: () => Promise<void>;
}

/**
 * The simulated provider behind a real HTTP server on loopback, so the proxy reaches it exactly as
 * it reaches Z-API: same adapter, same transport, credentials in the path and header.
 */
export const HIT_COUNTER_PATH = '/__test/hits';

/**
 * With `hitCounter`, `GET /__test/hits` answers how many calls reached the provider, by route, so
 * an end-to-end test can prove the browser sent nothing by itself. The server listens on loopback
 * only, and the counter is not counted.
 */
export async function startSimulatedUpstream(
  provider: SimulatedProvider,
  port = 0,
  options: { hitCounter?: boolean; host?: string } = {},
): Promise<SimulatedUpstream> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((request, response) => {
    if (options.hitCounter && request.method === 'GET' && request.url === HIT_COUNTER_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(provider.hits)));
      return;
    }
    void readBody(request).then((raw) => {
      const url = new URL(request.url ?? '/', 'http://simulated');
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
      const answer = provider.handle({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: parseBody(raw),
      });
      const reply = () => {
        if (answer.body === undefined) {
          response.writeHead(answer.status).end();
        } else {
          response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        }
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${listeningPort(server)}`;
  return {
    url,
    hitCounterUrl: options.hitCounter ? `${url}${HIT_COUNTER_PATH}` : null,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function listeningPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return address.port;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
