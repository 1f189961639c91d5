import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { createSimulatedProvider, type SimulatedProvider } from '../fake-provider/simulated-provider';
import { buildApp } from './app';
import type { Config } from './config';
import { createGuardedCall, type GuardOptions } from './guards/guarded-call';
import { probeOrigin } from './health';
import { createLogger } from './logger';
import { operatorAuthenticators, type OperatorAuthOptions } from './operator-auth';
import { providerRuntime, type RealProvider } from './provider-runtime';
import { startSimulatedUpstream } from './simulated-upstream';
import { createUpstream } from './upstream';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  providerLabel: string;
  /** Present when no credentials were configured and the simulated provider answers. */
  simulated: SimulatedProvider | null;
  /** The simulated upstream's call counter, when SIMULATED_UPSTREAM_HIT_COUNTER=1. */
  hitCounterUrl: string | null;
  close: () => Promise<void>;
}

export interface StartOptions {
  staticDir: string | null;
  logDestination?: DestinationStream;
  /** The flow-state store and clock of the guards (in memory and the system clock by default). */
  guards?: GuardOptions;
  /** Overrides for the failed-attempt limit of operator authentication (tests move its clock). */
  auth?: Omit<OperatorAuthOptions, 'authenticators'>;
}

/** Wires configuration to a listening proxy; with no credentials it starts the simulated provider first. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const closers: Array<() => Promise<void>> = [];

  let provider: RealProvider;
  let simulated: SimulatedProvider | null = null;
  let hitCounterUrl: string | null = null;
  if (config.provider.kind === 'simulated') {
    // Throwaway credentials: the simulated provider checks them like the real one would.
    const secret = () => randomBytes(12).toString('hex');
    const instance = { instanceId: `sim-${secret()}`, instanceToken: secret(), clientToken: secret() };
    simulated = createSimulatedProvider({ instances: [instance], qr: config.simulated.qr });
    const upstream = await startSimulatedUpstream(simulated, 0, { hitCounter: config.simulatedHitCounter });
    hitCounterUrl = upstream.hitCounterUrl;
    closers.push(upstream.close);
    provider =
      config.simulated.speaks === 'wawp'
        ? { kind: 'wawp', baseUrl: upstream.url, instanceId: instance.instanceId, accessToken: instance.instanceToken }
        : { kind: 'zapi', baseUrl: upstream.url, ...instance };
  } else {
    provider = config.provider;
  }

  const runtime = providerRuntime(provider);
  const upstream = createUpstream(runtime.origin, runtime.target, config.upstream);
  closers.push(upstream.close);

  const app = await buildApp({
    logger,
    staticDir: options.staticDir,
    provider: { adapter: runtime.adapter, memory: {}, send: upstream.send },
    routes: { call: createGuardedCall(options.guards) },
    auth: config.operator ? { ...options.auth, authenticators: operatorAuthenticators(config.operator) } : null,
    health: { upstreamReachable: () => probeOrigin(runtime.origin, config.upstream.connectTimeoutMs) },
    hsts: config.hsts,
    serverLimits: config.server,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const name = provider.kind === 'wawp' ? 'Wawp' : 'Z-API';
  const providerLabel = simulated ? `simulated provider speaking ${name} (no credentials configured)` : name;
  logger.info({ url: address, provider: simulated ? `simulated-${provider.kind}` : provider.kind }, 'listening');

  return {
    app,
    url: address,
    providerLabel,
    simulated,
    hitCounterUrl,
    close: async () => {
      await app.close();
      for (const close of closers.reverse()) await close();
    },
  };
}
