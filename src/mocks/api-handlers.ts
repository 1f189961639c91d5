import { http, HttpResponse } from 'msw';
import { BRAND_PATH, noBrand } from '../contract/brand';
import { handoffOwnerOperations, type HandoffOwnerOperationName } from '../contract/handoff';
import { operationNames, operations, type OperationName } from '../contract/operations';
import { inProcessSend } from '../fake-provider/in-process';
import { createSimulatedProvider, type SimulatedProvider } from '../fake-provider/simulated-provider';
import { handleApiCall, type ApiReply } from '../gateway/api-call';
import { zapiAdapter } from '../providers/zapi';
import { createDemoJourney } from './demo-journey';

/** Not secrets: the simulated provider in the browser checks them like Z-API would. */
const demoCredentials = {
  baseUrl: 'https://simulated-provider.invalid',
  instanceId: 'demo-instance',
  instanceToken: 'demo-token',
  clientToken: 'demo-client-token',
};

export interface MockApi {
  provider: SimulatedProvider;
  /** One operator call as the handlers answer it (guards, provider, journey): tests set a journey up with it. */
  operate: (name: OperationName, body: unknown) => Promise<ApiReply>;
  handlers: ReturnType<typeof http.post>[];
  /** The owner's call for a link this page made, or null when it knows no such link. */
  answerOwner: (name: HandoffOwnerOperationName, body: unknown) => Promise<ApiReply | null>;
}

/** Asks the page that made a link (the demo's pages share no memory; see browser.ts). */
export type OwnerRelay = (name: HandoffOwnerOperationName, body: unknown) => Promise<ApiReply | null>;

const asResponse = (reply: ApiReply) =>
  new HttpResponse(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

const tokenOf = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string' ? body.token : null;

/**
 * The proxy's API answered inside the browser (demo) or the test runner: the same contract
 * validation, adapter and simulated provider as behind the real proxy, minus the network.
 */
export function createMockApi(relay: OwnerRelay | null = null): MockApi {
  const provider = createSimulatedProvider({ instances: [demoCredentials] });
  const context = { adapter: zapiAdapter, memory: {}, send: inProcessSend(provider, demoCredentials) };
  const journey = createDemoJourney();
  const run = (name: OperationName, raw: unknown) => handleApiCall(name, raw, context);
  const operate = (name: OperationName, body: unknown) => journey.call(name, body, run);
  const local: { [N in OperationName]?: (request: Request) => ApiReply } = {
    getJourney: () => journey.local.getJourney(),
    getTimeline: (request) => journey.local.getTimeline(new URL(request.url).searchParams.get('format')),
    createHandoff: () => journey.local.createHandoff(),
    revokeHandoff: () => journey.local.revokeHandoff(),
  };
  const handlers = operationNames.map((name) => {
    const { method, path } = operations[name];
    const route = method === 'GET' ? http.get : http.post;
    return route(path, async ({ request }) => {
      const own = local[name];
      if (own) return asResponse(own(request));
      const raw: unknown = method === 'GET' ? {} : await request.json().catch(() => undefined);
      return asResponse(await operate(name, raw));
    });
  });
  const answerOwner = async (name: HandoffOwnerOperationName, body: unknown): Promise<ApiReply | null> => {
    const token = tokenOf(body);
    return token !== null && journey.knows(token) ? journey.owner(name, body, run) : null;
  };
  const ownerNames = Object.keys(handoffOwnerOperations) as HandoffOwnerOperationName[];
  const ownerHandlers = ownerNames.map((name) =>
    http.post(handoffOwnerOperations[name].path, async ({ request }) => {
      const body: unknown = await request.json().catch(() => undefined);
      const reply = (await answerOwner(name, body)) ?? (await relay?.(name, body)) ?? (await journey.owner(name, body, run));
      return asResponse(reply);
    }),
  );
  // A proxy without BRAND_* variables: the console's own name.
  const brand = http.get(BRAND_PATH, () => HttpResponse.json(noBrand));
  return { provider, operate, handlers: [...handlers, ...ownerHandlers, brand], answerOwner };
}
