import { http, HttpResponse } from 'msw';
import { BRAND_PATH, noBrand } from '../contract/brand';
import { operationNames, operations } from '../contract/operations';
import { inProcessSend } from '../fake-provider/in-process';
import { createSimulatedProvider, type SimulatedProvider } from '../fake-provider/simulated-provider';
import { handleApiCall } from '../gateway/api-call';
import { zapiAdapter } from '../providers/zapi';

/** Not secrets: the simulated provider in the browser checks them like Z-API would. */
const demoCredentials = {
  baseUrl: 'https://simulated-provider.invalid',
  instanceId: 'demo-instance',
  instanceToken: 'demo-token',
  clientToken: 'demo-client-token',
};

export interface MockApi {
  provider: SimulatedProvider;
  handlers: ReturnType<typeof http.post>[];
}

/**
 * The proxy's API answered inside the browser (demo) or the test runner: the same contract
 * validation, adapter and simulated provider as behind the real proxy, minus the network.
 */
export function createMockApi(): MockApi {
  const provider = createSimulatedProvider({ instances: [demoCredentials] });
  const context = { adapter: zapiAdapter, memory: {}, send: inProcessSend(provider, demoCredentials) };
  const handlers = operationNames.map((name) => {
    const { method, path } = operations[name];
    const route = method === 'GET' ? http.get : http.post;
    return route(path, async ({ request }) => {
      const raw: unknown = method === 'GET' ? {} : await request.json().catch(() => undefined);
      const reply = await handleApiCall(name, raw, context);
      return new HttpResponse(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    });
  });
  // A proxy without BRAND_* variables: the console's own name.
  const brand = http.get(BRAND_PATH, () => HttpResponse.json(noBrand));
  return { provider, handlers: [...handlers, brand] };
}
