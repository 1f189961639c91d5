import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorReply } from '../gateway/api-call';
import { sendReply } from './api-routes';

/** Whether a TCP connection to the provider's origin opens in time. No request, no credential is sent. */
export function probeOrigin(origin: string, timeoutMs: number): Promise<boolean> {
  const url = new URL(origin);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface HealthOptions {
  /** Resolves true when the provider can be reached. */
  upstreamReachable: () => Promise<boolean>;
  /** Resolves true when the shared state (Redis) answers; absent when state is in memory. */
  stateReachable?: () => Promise<boolean>;
}

/**
 * `/healthz`: the process answers. `/readyz`: the configuration was valid (the process would not
 * have started otherwise), the shared state answers and the provider can be reached. Neither says which provider or where.
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  app.get('/healthz', async (_request, reply) => reply.type('application/json; charset=utf-8').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (options.stateReachable && !(await options.stateReachable())) return sendReply(reply, errorReply('STATE_UNAVAILABLE'));
    return (await options.upstreamReachable())
      ? reply.type('application/json; charset=utf-8').send({ status: 'ready' })
      : sendReply(reply, errorReply('UPSTREAM_UNAVAILABLE'));
  });
}
