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
  /** How long one probe's answer is reused (10 s by default), however often /readyz is asked. */
  cacheMs?: number;
  now?: () => number;
  /** Resolves true when the shared state (Redis) answers; absent when state is in memory. */
  stateReachable?: () => Promise<boolean>;
}

/**
 * The provider is probed at most once per `cacheMs`, whatever the traffic: callers in between get
 * the last answer, and callers during a probe share it. /readyz is open, so this is what keeps
 * anyone from turning it into a stream of connections to the provider.
 */
export function cachedProbe(probe: () => Promise<boolean>, cacheMs: number, now: () => number): () => Promise<boolean> {
  let last: { at: number; answer: Promise<boolean> } | null = null;
  return () => {
    const at = now();
    if (last && at - last.at < cacheMs) return last.answer;
    const answer = probe().catch(() => false);
    last = { at, answer };
    return answer;
  };
}

/**
 * `/healthz`: the process answers. `/readyz`: the configuration was valid (the process would not
 * have started otherwise), the shared state answers, and the provider could be reached at the last probe
 * (at most 10 s ago). Neither says which provider or where.
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  const reachable = cachedProbe(options.upstreamReachable, options.cacheMs ?? 10_000, options.now ?? Date.now);
  app.get('/healthz', async (_request, reply) => reply.type('application/json; charset=utf-8').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (options.stateReachable && !(await options.stateReachable())) return sendReply(reply, errorReply('STATE_UNAVAILABLE'));
    return (await reachable())
      ? reply.type('application/json; charset=utf-8').send({ status: 'ready' })
      : sendReply(reply, errorReply('UPSTREAM_UNAVAILABLE'));
  });
}
