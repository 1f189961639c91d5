import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listeningPort } from '../simulated-upstream';

/** What the misbehaving upstream does with one request; `path` is what follows the instance prefix. */
export type FaultBehaviour = (response: ServerResponse, path: string, request: IncomingMessage) => void;

export interface FaultUpstream {
  url: string;
  /** Requests that reached the upstream, whatever it then did with them. */
  readonly hits: number;
  /** The headers of the last request, as the upstream received them. */
  readonly lastHeaders: IncomingHttpHeaders | null;
  behave(behaviour: FaultBehaviour): void;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** A well-behaved Z-API for the registration routes, so faults can be set on one step at a time. */
export const zapiLike: FaultBehaviour = (response, path) => {
  if (path.endsWith('/registration-available')) return json(response, 200, { available: true, smsWaitSeconds: 0, voiceWaitSeconds: 0, waOldWaitSeconds: 0 });
  if (path.endsWith('/request-registration-code')) return json(response, 200, { success: true, retryAfter: 60, smsWaitSeconds: 60, voiceWaitSeconds: 60, waOldWaitSeconds: 60 });
  if (path.endsWith('/confirm-registration-code')) return json(response, 200, { success: true });
  return json(response, 404, { error: 'NOT_FOUND' });
};

/**
 * A node:http upstream on loopback whose every answer a test chooses: hang, reset, stall, flood,
 * lie. It counts hits so each fault case can prove the proxy did not retry.
 */
export async function startFaultUpstream(): Promise<FaultUpstream> {
  let behaviour: FaultBehaviour = zapiLike;
  let hits = 0;
  let lastHeaders: IncomingHttpHeaders | null = null;
  const server = createServer((request, response) => {
    hits += 1;
    lastHeaders = request.headers;
    request.resume();
    request.once('end', () => {
      const path = (request.url ?? '/').replace(/^\/instances\/[^/]+\/token\/[^/]+/, '');
      behaviour(response, path, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    get hits() {
      return hits;
    },
    get lastHeaders() {
      return lastHeaders;
    },
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
