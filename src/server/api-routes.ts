import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, operationNames, operations } from '../contract/operations';
import { errorReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';
import { createGuardedCall, type GuardedCall } from './guards/guarded-call';
import type { LocalOperations } from './local-operations';

/** Aborts when the client's connection closes before its answer was written. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  if (reply.raw.destroyed) controller.abort();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The instance alias the request's principal acts for, and its run context; null when it has none. */
export type ContextResolver = (request: FastifyRequest) => { instance: string; context: RunContext } | null;

/** A contract path within the API plugin, which is registered under API_PREFIX. */
export function routeOf(path: string): string {
  if (!path.startsWith(`${API_PREFIX}/`)) throw new Error(`${path} is not under ${API_PREFIX}`);
  return path.slice(API_PREFIX.length);
}

/**
 * One route per contract operation, registered in the signed-in part of the API plugin. The guards
 * keep their state per instance alias, so one instance's limits never touch another's. Operations in
 * `local` are answered by the proxy itself (the journey, the timeline, hand-off links).
 */
export function registerApiRoutes(app: FastifyInstance, contextFor: ContextResolver, call: GuardedCall = createGuardedCall(), local: LocalOperations = {}): void {
  for (const name of operationNames) {
    const { method, path } = operations[name];
    app.route({
      method,
      url: routeOf(path),
      // HEAD would run the GET (and call the provider); it gets 405 from the not-found handler.
      exposeHeadRoute: false,
      // A call through the guards asks the sign-in admission with its turn, in one round trip.
      config: { signInInCall: !local[name] },
      handler: async (request, reply) => {
        const target = contextFor(request);
        if (!target) return reply.sendApi(errorReply('FORBIDDEN'));
        const own = local[name];
        if (own) return reply.sendApi(await own(target.instance, request));
        const body = method === 'GET' ? {} : request.body;
        const answer = await call(target.instance, name, body, target.context, { log: request.log, signal: clientGone(reply), signInGate: request.signInGate });
        request.log.debug({ operation: name, status: answer.status }, 'operation');
        return reply.sendApi(answer);
      },
    });
  }
}
