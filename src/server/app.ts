import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { errorReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';
import { registerApiRoutes } from './api-routes';
import type { ServerLimits, TrustProxy } from './config';
import type { Embedding } from './embed/embedding';
import type { GuardedCall } from './guards/guarded-call';
import type { Handoffs } from './handoff/handoff-service';
import type { LocalOperations } from './local-operations';
import { registerHealth, type HealthOptions } from './health';
import { decoratePrincipal, registerAuthentication, type Authenticator, type Principal } from './instances/authentication';
import { newRequestId } from './logger';
import { measuredContext } from './metrics/instrument';
import type { Metrics } from './metrics/metrics';
import { operationOf, registerMetrics } from './metrics/metrics-routes';
import { registerOpenApi } from './openapi/openapi-route';
import { decorateSignInGate, registerOperatorAuth, type OperatorAuthOptions } from './operator-auth';
import { registerCrossSiteCheck } from './cross-site';
import { clientErrorAnswer, frameworkErrorAnswer, registerNotFound } from './framework-errors';
import { registerSecurityHeaders } from './security-headers';
import { decorateTypedReplies } from './typed-reply';
import { API_PREFIX } from '../contract/operations';
import { StateUnavailableError } from './state/state-unavailable';
import { registerBrand, type BrandConfig } from './brand';

export interface AppOptions {
  logger: FastifyBaseLogger;
  /** The run context of each instance alias; a request reaches the one its principal names. */
  instance: (alias: string) => RunContext | null;
  /** Tried in order on every API request; the embed session is one of them. */
  authenticators: Authenticator[];
  /** Who a request with no credentials acts as, or null to refuse it. */
  anonymous: Principal | null;
  /** Null when embedding is off. */
  embedding: Embedding | null;
  /** Folder of the built console; null serves the API alone. */
  staticDir: string | null;
  /** The header's product name and logo (BRAND_*); none by default. */
  brand?: BrandConfig;
  /** The guarded call (its flow-state store, clock and limits); the default keeps state in memory. */
  call?: GuardedCall;
  /** Operations the proxy answers itself (journey, timeline, hand-off links). */
  local?: LocalOperations;
  /** The number owner's hand-off calls; absent, there are none. */
  handoffs?: Handoffs;
  /** Operator authentication; null leaves the console open (loopback with the simulated provider only). */
  auth?: OperatorAuthOptions | null;
  health?: HealthOptions;
  /** The app's series; `serve` adds GET /metrics behind the operator credential (else METRICS_PORT serves them). */
  metrics?: { series: Metrics; serve: boolean };
  /** Sends Strict-Transport-Security (set it when the console is served over HTTPS). */
  hsts?: boolean;
  serverLimits?: ServerLimits;
  /** Which reverse proxies' X-Forwarded-For to believe (TRUST_PROXY); false trusts none. */
  trustProxy?: TrustProxy;
}

const defaultServerLimits: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

const BODY_LIMIT_BYTES = 16 * 1024;

/** A hop count trusts that many proxies nearest the server (proxy-addr's rule, as Fastify applies it). */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = options.serverLimits ?? defaultServerLimits;
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: newRequestId,
    requestIdHeader: false,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    // Closing is answered below, with a catalogue body and the security headers.
    return503OnClosing: false,
    frameworkErrors: frameworkErrorAnswer(options.hsts ?? false),
    clientErrorHandler: clientErrorAnswer(options.hsts ?? false),
    // One line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Slow clients are cut off instead of holding sockets open.
    connectionTimeout: limits.requestTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      // A client trickling its headers is cut off; Node checks at this interval.
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
  });

  decorateTypedReplies(app);
  decoratePrincipal(app);
  decorateSignInGate(app);

  // Graceful shutdown: once closing, a request on a connection still open is told so (typed), and
  // answers still in flight close their connection, so a keep-alive client cannot hold it open.
  let closing = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) return reply.header('connection', 'close').sendApi(errorReply('SHUTTING_DOWN'));
  });

  // JSON is the only body the API takes; anything else is refused before a handler runs.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error, request, reply) => {
    // Sign-in counters, embed sessions or used tokens could not be read: refuse rather than guess.
    if (error instanceof StateUnavailableError) {
      request.log.error({ reason: error.reason }, 'shared state unavailable');
      return reply.sendApi(errorReply('STATE_UNAVAILABLE'));
    }
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.sendApi(errorReply('PAYLOAD_TOO_LARGE'));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.sendApi(errorReply('UNSUPPORTED_MEDIA_TYPE'));
    if (code.startsWith('FST_ERR_CTP_') || error instanceof SyntaxError) {
      return reply.sendApi(errorReply('INVALID_REQUEST'));
    }
    request.log.error({ err: error }, 'unexpected failure');
    return reply.sendApi(errorReply('INTERNAL'));
  });

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, ms: Math.round(reply.elapsedTime) }, 'request completed');
    done();
  });

  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  registerSecurityHeaders(app, { hsts: options.hsts ?? false, frameAncestors: options.embedding?.frameAncestors });
  // Standalone: the operator's credential gates everything served, pages included.
  if (options.auth) registerOperatorAuth(app, options.auth);
  if (options.health) registerHealth(app, options.health);
  if (options.metrics) registerMetrics(app, options.metrics.series, { serve: options.metrics.serve });
  await app.register(
    (api, _options, done) => {
      registerApi(api, options);
      done();
    },
    { prefix: API_PREFIX },
  );

  registerBrand(app, options.brand ?? null);

  if (options.staticDir) {
    await app.register(fastifyStatic, {
      root: options.staticDir,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each file; the one the browser accepts is sent as is.
      preCompressed: true,
      setHeaders: (response, filePath) => {
        const immutable = /[\\/]assets[\\/]/.test(filePath);
        response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  registerNotFound(app, options.staticDir);

  return app;
}

/**
 * The API under API_PREFIX, as one plugin with its own hooks: JSON bodies only, then two scopes.
 * The token exchange and the number owner's hand-off calls take no principal; every other route acts for one, named by the
 * authentication hook of its scope before the cross-site check reads it.
 */
function registerApi(api: FastifyInstance, options: AppOptions): void {
  api.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST') return;
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return reply.sendApi(errorReply('UNSUPPORTED_MEDIA_TYPE'));
  });
  api.register((open, _options, done) => {
    registerCrossSiteCheck(open);
    options.embedding?.register(open);
    // The owner's calls carry a hand-off token instead of a principal, checked by their own handler.
    options.handoffs?.register(open);
    done();
  });
  api.register((signedIn, _options, done) => {
    registerAuthentication(signedIn, { authenticators: options.authenticators, anonymous: options.anonymous });
    // Basic credentials are sent by the browser whoever asks: a page on another site is refused here.
    registerCrossSiteCheck(signedIn);
    registerOpenApi(signedIn);
    registerApiRoutes(
      signedIn,
      (request) => {
        const principal = request.principal;
        const found = principal ? options.instance(principal.instance) : null;
        const series = options.metrics?.series;
        const context = found && series ? measuredContext(series, found, operationOf(request) ?? 'unknown') : found;
        return principal && context ? { instance: principal.instance, context } : null;
      },
      options.call,
      options.local,
    );
    done();
  });
}
