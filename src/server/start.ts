import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { SimulatedProvider } from '../fake-provider/simulated-provider';
import { buildApp } from './app';
import type { Config } from './config';
import { createEmbedding } from './embed/embedding';
import { systemClock } from '../fake-provider/clock';
import { createGuardedCall, type GuardOptions } from './guards/guarded-call';
import { createHandoffs } from './handoff/handoff-service';
import { localOperations } from './local-operations';
import { probeOrigin } from './health';
import { createInstanceRegistry } from './instances/instance-registry';
import { createLogger, logFormat, prettyDestination } from './logger';
import { measuredFlowStateStore } from './metrics/instrument';
import { createMetrics } from './metrics/metrics';
import { startMetricsServer } from './metrics/metrics-server';
import { operatorAuthenticators, type OperatorAuthOptions } from './operator-auth';
import { createMemoryStateStores, createRedisStateStores } from './state/state-stores';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  providerLabel: string;
  /** Present when no credentials were configured and the simulated provider answers. */
  simulated: SimulatedProvider | null;
  /** The simulated upstream's call counter, when SIMULATED_UPSTREAM_HIT_COUNTER=1. */
  hitCounterUrl: string | null;
  /** Where METRICS_PORT serves the series; null when they are on the main port (/metrics). */
  metricsUrl: string | null;
  close: () => Promise<void>;
}

export interface StartOptions {
  staticDir: string | null;
  logDestination?: DestinationStream;
  /** Overrides for the guards' stores, clock and limits (by default: the configured state and the system clock). */
  guards?: GuardOptions;
  /** Overrides for the failed-attempt limit of operator authentication (tests move its clock). */
  auth?: Omit<OperatorAuthOptions, 'authenticators'>;
}

/** Wires configuration to a listening proxy; with no credentials it starts the simulated provider first. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const pretty = !options.logDestination && logFormat(config.production, process.stdout.isTTY) === 'pretty' ? await prettyDestination() : null;
  const logger = createLogger(config.logLevel, options.logDestination ?? pretty ?? undefined);
  const closers: Array<() => Promise<void>> = [];
  const metrics = createMetrics();

  // REDIS_URL set: every piece of state in Redis, shared by all processes; unset: in this process.
  const stores = config.state
    ? createRedisStateStores(config.state, logger, config.timelineRetentionMs)
    : createMemoryStateStores(config.timelineRetentionMs);
  closers.push(stores.close);
  // Unreachable at start is not fatal: /readyz says not ready and calls answer 503 until it is back.
  if (!(await stores.connected(3_000))) logger.error({ state: stores.kind }, 'shared state not reachable at start');

  // One run context per alias; embed sessions (when on) name the alias a request acts for.
  const instances = await createInstanceRegistry(config.instances, config.upstream, {
    ...config.simulated,
    hitCounter: config.simulatedHitCounter,
  });
  closers.push(instances.close);
  const simulated = instances.simulated;
  const embedding = config.embed
    ? await createEmbedding(config.embed, (alias) => instances.context(alias) !== null, Date.now, stores.embed)
    : null;
  if (embedding?.activeSessions) metrics.countEmbedSessions(embedding.activeSessions);
  const operatorAuth =
    config.operator && !embedding
      ? { ...(stores.signInFailures ? { failures: stores.signInFailures } : {}), ...options.auth, authenticators: operatorAuthenticators(config.operator) }
      : null;
  const guards = { ...stores.guards, ...options.guards };
  const flowStore = measuredFlowStateStore(guards.store, metrics.recordStateStoreCall);
  const limits = guards.limits ?? config.guardLimits;
  const clock = guards.clock ?? systemClock;
  const call = createGuardedCall({
    ...guards,
    limits,
    clock,
    store: flowStore,
    timeline: stores.timeline,
    onRefusal: (operation, reason) => metrics.recordGuardRefusal({ guard: 'registration', operation, reason }),
  });
  const handoffs = createHandoffs({
    store: flowStore,
    handoffs: stores.handoffs,
    timeline: stores.timeline,
    call,
    clock,
    limits,
    brand: config.brand.name,
    instance: instances.context,
  });
  const providerOf = (alias: string) => {
    const entry = config.instances[alias];
    return entry === undefined ? 'unknown' : entry.kind === 'simulated' ? `simulated-${config.simulated.speaks}` : entry.kind;
  };

  const app = await buildApp({
    logger,
    staticDir: options.staticDir,
    brand: config.brand,
    instance: instances.context,
    authenticators: embedding ? [embedding.authenticator] : [],
    // Standalone, the console acts on the `default` instance; embedded, only a session names one.
    anonymous: embedding ? null : { via: 'anonymous', subject: 'anonymous', instance: 'default' },
    embedding,
    call,
    local: localOperations({ store: flowStore, timeline: stores.timeline, handoffs, clock, limits, providerOf }),
    handoffs,
    auth: operatorAuth && {
      ...operatorAuth,
      onRefusal: (reason) => metrics.recordGuardRefusal({ guard: 'operator-auth', operation: 'any', reason }),
    },
    // On the main port only behind the operator credential, or where the whole console is open
    // (loopback, simulated provider); embedded, the series need METRICS_PORT.
    metrics: { series: metrics, serve: config.metricsPort === null && (operatorAuth !== null || !embedding) },
    health: {
      stateReachable: config.state ? stores.reachable : undefined,
      upstreamReachable: async () =>
        (await Promise.all(instances.origins.map((origin) => probeOrigin(origin, config.upstream.connectTimeoutMs)))).every(Boolean),
    },
    hsts: config.hsts,
    serverLimits: config.server,
    trustProxy: config.trustProxy,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const metricsServer = config.metricsPort === null ? null : await startMetricsServer(metrics, config.metricsPort, config.host);
  if (metricsServer) closers.push(metricsServer.close);
  const kinds = Object.values(config.instances).map((entry) => (entry.kind === 'simulated' ? `simulated-${config.simulated.speaks}` : entry.kind));
  const name = (kind: string) => ({ zapi: 'Z-API', wawp: 'Wawp' })[kind] ?? kind;
  const providerLabel = simulated
    ? `simulated provider speaking ${name(config.simulated.speaks)} (no credentials configured)`
    : [...new Set(kinds)].map(name).join(', ');
  logger.info(
    { url: address, provider: [...new Set(kinds)].join(','), instances: instances.aliases, embedding: embedding !== null, state: stores.kind },
    'listening',
  );

  return {
    app,
    url: address,
    providerLabel,
    simulated,
    hitCounterUrl: instances.hitCounterUrl,
    metricsUrl: metricsServer?.url ?? null,
    close: async () => {
      await app.close();
      for (const close of closers.reverse()) await close();
    },
  };
}
