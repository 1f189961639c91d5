import { z } from 'zod';
import { systemClock, type Clock } from './clock';
import { empty, json, newInstance, type SimInstance, type SimRequest, type SimResponse, type SimRoute } from './model';
import { scenarioOf, simulatedTimings } from './scenarios';
import { zapiAccountRoutes } from './zapi/account';
import { zapiInstanceRoutes } from './zapi/instance';
import { zapiRegistrationRoutes } from './zapi/registration';

export interface SimulatedInstanceCredentials {
  instanceId: string;
  instanceToken: string;
  clientToken: string;
}

export interface SimulatedProviderOptions {
  instances: SimulatedInstanceCredentials[];
  clock?: Clock;
  random?: () => number;
}

export interface SimulatedProvider {
  handle: (request: SimRequest) => SimResponse;
  /** The state of one instance, for tests that look behind the HTTP surface. */
  instance: (instanceId: string) => SimInstance | undefined;
  /** How many requests reached the provider, per path relative to the instance. */
  readonly hits: Map<string, number>;
}

const zapiRoutes: SimRoute[] = [...zapiRegistrationRoutes, ...zapiInstanceRoutes, ...zapiAccountRoutes];
const ZAPI_PREFIX = /^\/instances\/([^/]+)\/token\/([^/]+)(\/.*)$/;

const numberInBody = z.object({ ddi: z.string(), phone: z.string() });

/**
 * The simulated Z-API: a pure model of the provider's answers, chosen by magic numbers. It runs
 * behind a loopback HTTP server for the proxy and inside the demo's service worker handlers.
 */
export function createSimulatedProvider(options: SimulatedProviderOptions): SimulatedProvider {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const instances = new Map(options.instances.map((credentials) => [credentials.instanceId, { credentials, state: newInstance() }]));
  const hits = new Map<string, number>();

  function handle(request: SimRequest): SimResponse {
    const match = ZAPI_PREFIX.exec(request.path);
    if (!match) return empty(404);
    const [, instanceId = '', instanceToken = '', rest = ''] = match;
    hits.set(rest, (hits.get(rest) ?? 0) + 1);

    const found = instances.get(decodeURIComponent(instanceId));
    if (!found || found.credentials.instanceToken !== decodeURIComponent(instanceToken)) return empty(404);
    const clientToken = request.headers['client-token'];
    if (!clientToken) return json({ error: 'null not allowed' });
    if (clientToken !== found.credentials.clientToken) return json({ error: `${clientToken} not allowed` });

    const routed = route(zapiRoutes, request.method, rest);
    if (routed === 'no-route') {
      return json({ error: 'NOT_FOUND', message: 'Unable to find matching target resource method' });
    }
    if (routed === 'wrong-method') return empty(405);
    if (request.method === 'POST' && !request.headers['content-type']?.startsWith('application/json')) return empty(415);

    const state = found.state;
    const body = numberInBody.safeParse(request.body);
    const scenario = body.success
      ? scenarioOf(body.data.ddi, body.data.phone)
      : scenarioOf(state.registration?.ddi, state.registration?.phone);
    if (scenario === 'outage') {
      // Internal detail on purpose: the proxy must never pass it on.
      return json({ message: 'java.lang.IllegalStateException at br.zapi.internal.Worker(10.0.3.7:8080)' }, 500);
    }
    const response = routed.route.handler({ instance: state, request, params: routed.params, clock, random });
    return scenario === 'slow' ? { ...response, delayMs: simulatedTimings.slowAnswerMs } : response;
  }

  return { handle, instance: (id) => instances.get(id)?.state, hits };
}

type Routed = { route: SimRoute; params: Record<string, string> } | 'no-route' | 'wrong-method';

function route(routes: SimRoute[], method: string, path: string): Routed {
  let pathMatched = false;
  for (const candidate of routes) {
    const params = matchPath(candidate.path, path);
    if (!params) continue;
    pathMatched = true;
    const allowed = candidate.method === 'GET_OR_POST' ? method === 'GET' || method === 'POST' : method === candidate.method;
    if (allowed) return { route: candidate, params };
  }
  return pathMatched ? 'wrong-method' : 'no-route';
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}
