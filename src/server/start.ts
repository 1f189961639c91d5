import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { SimulatedProvider } from '../fake-provider/simulated-provider';
import { buildApp } from './app';
import type { Config } from './config';
import { createEmbedding } from './embed/embedding';
import { createInstanceRegistry } from './instances/instance-registry';
import { createLogger } from './logger';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  providerLabel: string;
  /** Present when no credentials were configured and the simulated provider answers. */
  simulated: SimulatedProvider | null;
  close: () => Promise<void>;
}

export interface StartOptions {
  staticDir: string | null;
  logDestination?: DestinationStream;
}

/** Wires configuration to a listening proxy; with no credentials it starts the simulated provider first. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const closers: Array<() => Promise<void>> = [];

  // Several instances and embedding (issue 7): one run context per alias, sessions from embed tokens.
  const instances = await createInstanceRegistry(config.instances, config.upstream);
  closers.push(instances.close);
  const simulated = instances.simulated;
  const embedding = config.embed ? await createEmbedding(config.embed, (alias) => instances.context(alias) !== null) : null;

  const app = await buildApp({
    logger,
    staticDir: options.staticDir,
    instance: instances.context,
    authenticators: embedding ? [embedding.authenticator] : [],
    // Standalone, the console acts on the `default` instance; embedded, only a session names one.
    anonymous: embedding ? null : { via: 'anonymous', subject: 'anonymous', instance: 'default' },
    embedding,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const providerLabel = simulated ? 'simulated provider (no credentials configured)' : 'Z-API';
  logger.info({ url: address, provider: simulated ? 'simulated' : 'zapi', instances: instances.aliases, embedding: embedding !== null }, 'listening');

  return {
    app,
    url: address,
    providerLabel,
    simulated,
    close: async () => {
      await app.close();
      for (const close of closers.reverse()) await close();
    },
  };
}
