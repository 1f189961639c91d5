import { z } from 'zod';
import { systemClock, type Clock } from './clock';
import { empty, json, newInstance, type SimInstance, type SimRequest, type SimResponse, type SimRoute } from './model';
import { scenarioOf, simulatedTimings } from './scenarios';
import { zapiAccountRoutes } from './zapi/account';
import { settleLinking, type QrBehaviour } from './linking';
import { wawpRoutes } from './wawp/routes';
import { zapiInstanceRoutes } from './zapi/instance';
import { zapiLinkingRoutes } from './zapi/linking';
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
  /** Whether the phone scans the QR codes shown: "never-scanned" exercises the stop-after-three rule. */
  qr?: QrBehaviour;
  /**
   * Accept any instance id, token and client token, keeping one simulated instance per id (the
   * standalone simulated provider shared by several proxies). Otherwise only `instances` answer.
   */
  anyCredentials?: boolean;
}

export interface SimulatedProvider {
  handle: (request: SimRequest) => SimResponse;
  /** The state of one instance, for tests that look behind the HTTP surface. */
  instance: (instanceId: string) => SimInstance | undefined;
  /** How many requests reached the provider, per path relative to the instance. */
  readonly hits: Map<string, number>;
}

const zapiRoutes: SimRoute[] = [...zapiRegistrationRoutes, ...zapiInstanceRoutes, ...zapiAccountRoutes, ...zapiLinkingRoutes];
const ZAPI_PREFIX = /^\/instances\/([^/]+)\/token\/([^/]+)(\/.*)$/;

const numberInBody = z.object({ ddi: z.string(), phone: z.string() });
/** Wawp's body (`phone_number`) and Z-API's `/phone-code/{phone}` carry the number as one string of digits. */
const brazilianDigits = z.string().regex(/^55\d+$/).transform((digits) => ({ ddi: '55', phone: digits.slice(2) }));
const wawpNumberInBody = z.object({ phone_number: brazilianDigits });

/**
 * The simulated Z-API: a pure model of the provider's answers, chosen by magic numbers. It runs
 * behind a loopback HTTP server for the proxy and inside the demo's service worker handlers.
 */
export function createSimulatedProvider(options: SimulatedProviderOptions): SimulatedProvider {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const instances = new Map(options.instances.map((credentials) => [credentials.instanceId, { credentials, state: newInstance() }]));
  const hits = new Map<string, number>();
  const qr = options.qr ?? 'scanned';

  /** The instance the credentials open, or null; with `anyCredentials` the id alone picks (or creates) it. */
  function open(instanceId: string, instanceToken: string, clientToken: string): { credentials: SimulatedInstanceCredentials; state: SimInstance } | null {
    const found = instances.get(instanceId);
    if (found || !options.anyCredentials) return found ?? null;
    const created = { credentials: { instanceId, instanceToken, clientToken }, state: newInstance() };
    instances.set(instanceId, created);
    return created;
  }
  const tokenAccepted = (expected: string, given: string) => options.anyCredentials === true || expected === given;

  /** The route's answer, with the number's outage or slowness applied. */
  function answer(routed: { route: SimRoute; params: Record<string, string> }, state: SimInstance, request: SimRequest): SimResponse {
    settleLinking(state, clock.now());
    const body = numberInBody.safeParse(request.body);
    const wawpBody = wawpNumberInBody.safeParse(request.body);
    const inPath = brazilianDigits.safeParse(routed.params.phone);
    const fromRequest = body.success ? body.data : wawpBody.success ? wawpBody.data.phone_number : inPath.success ? inPath.data : null;
    const number = fromRequest ?? state.registration;
    const scenario = scenarioOf(number?.ddi, number?.phone);
    if (scenario === 'outage') {
      // Internal detail on purpose: the proxy must never pass it on.
      return json({ message: 'java.lang.IllegalStateException at br.zapi.internal.Worker(10.0.3.7:8080)' }, 500);
    }
    const response = routed.route.handler({ instance: state, request, params: routed.params, clock, random, qr });
    return scenario === 'slow' ? { ...response, delayMs: simulatedTimings.slowAnswerMs } : response;
  }

  /** Wawp: the instance id and access token are query parameters. */
  function handleWawp(request: SimRequest): SimResponse {
    hits.set(request.path, (hits.get(request.path) ?? 0) + 1);
    const instanceId = request.query.get('instance_id');
    const accessToken = request.query.get('access_token');
    if (!instanceId || !accessToken) return json({ error: 'Bad Request - Missing Required Parameter(s)' }, 400);
    const found = open(instanceId, accessToken, '');
    if (!found) return json({ error: 'invalid_instance' }, 404);
    if (!tokenAccepted(found.credentials.instanceToken, accessToken)) return json({ error: 'invalid_access_token' }, 401);
    const routed = route(wawpRoutes, request.method, request.path);
    if (routed === 'no-route') return json({ error: 'server_not_found' }, 404);
    if (routed === 'wrong-method') return empty(405);
    return answer(routed, found.state, request);
  }

  function handle(request: SimRequest): SimResponse {
    if (request.path.startsWith('/v2/')) return handleWawp(request);
    const match = ZAPI_PREFIX.exec(request.path);
    if (!match) return empty(404);
    const [, instanceId = '', instanceToken = '', rest = ''] = match;
    hits.set(rest, (hits.get(rest) ?? 0) + 1);

    const clientToken = request.headers['client-token'];
    const found = open(decodeURIComponent(instanceId), decodeURIComponent(instanceToken), clientToken ?? '');
    if (!found || !tokenAccepted(found.credentials.instanceToken, decodeURIComponent(instanceToken))) return empty(404);
    if (!clientToken) return json({ error: 'null not allowed' });
    if (!tokenAccepted(found.credentials.clientToken, clientToken)) return json({ error: `${clientToken} not allowed` });

    const routed = route(zapiRoutes, request.method, rest);
    if (routed === 'no-route') {
      return json({ error: 'NOT_FOUND', message: 'Unable to find matching target resource method' });
    }
    if (routed === 'wrong-method') return empty(405);
    if (request.method === 'POST' && !request.headers['content-type']?.startsWith('application/json')) return empty(415);

    return answer(routed, found.state, request);
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
