import type { UpstreamSend } from '../gateway/run-operation';
import type { UpstreamRequest } from '../providers/types';
import { wawpTarget, type WawpCredentials } from '../providers/wawp';
import { zapiTarget, type ZapiCredentials } from '../providers/zapi';
import type { SimulatedProvider } from './simulated-provider';

/**
 * Reaches the simulated provider without a socket, for the demo's service worker and for tests:
 * the request is addressed exactly as the proxy would address Z-API, credentials included.
 */
export function inProcessSend(provider: SimulatedProvider, credentials: ZapiCredentials): UpstreamSend {
  return inProcessSendVia(provider, (request) => zapiTarget(credentials, request));
}

/** The same, addressed as the proxy would address Wawp (credentials in the query). */
export function inProcessWawpSend(provider: SimulatedProvider, credentials: WawpCredentials): UpstreamSend {
  return inProcessSendVia(provider, (request) => wawpTarget(credentials, request));
}

function inProcessSendVia(
  provider: SimulatedProvider,
  target: (request: UpstreamRequest) => { url: string; headers: Record<string, string> },
): UpstreamSend {
  return async (request) => {
    const { url, headers } = target(request);
    const address = new URL(url);
    const answer = provider.handle({
      method: request.method,
      path: address.pathname,
      query: address.searchParams,
      headers,
      body: request.body,
    });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    return { status: answer.status, body: answer.body ?? null };
  };
}
