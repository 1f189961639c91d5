import type { UpstreamSend } from '../gateway/run-operation';
import { zapiTarget, type ZapiCredentials } from '../providers/zapi';
import type { SimulatedProvider } from './simulated-provider';

/**
 * Reaches the simulated provider without a socket, for the demo's service worker and for tests:
 * the request is addressed exactly as the proxy would address Z-API, credentials included.
 */
export function inProcessSend(provider: SimulatedProvider, credentials: ZapiCredentials): UpstreamSend {
  return async (request) => {
    const { url, headers } = zapiTarget(credentials, request);
    const target = new URL(url);
    const answer = provider.handle({
      method: request.method,
      path: target.pathname,
      query: target.searchParams,
      headers,
      body: request.body,
    });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    return { status: answer.status, body: answer.body ?? null };
  };
}
