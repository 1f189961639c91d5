import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationNames, operations } from '../contract/operations';
import { errorReply, type ApiReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';
import { createGuardedCall, type GuardedCall } from './guards/guarded-call';

export function sendReply(reply: FastifyReply, answer: ApiReply): FastifyReply {
  const body = answer.body;
  // A 429 says when to come back in the header too, for clients that only read headers.
  if (answer.status === 429 && typeof body === 'object' && body !== null && 'retryAfterSeconds' in body) {
    reply.header('retry-after', String(body.retryAfterSeconds));
  }
  return reply.code(answer.status).type('application/json; charset=utf-8').send(body);
}

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

/** One route per contract operation, and nothing else under /api. */
/** The guards keep their state per instance alias, so one instance's limits never touch another's. */
export function registerApiRoutes(app: FastifyInstance, contextFor: ContextResolver, call: GuardedCall = createGuardedCall()): void {
  for (const name of operationNames) {
    const { method, path } = operations[name];
    app.route({
      method,
      url: path,
      // HEAD would run the GET (and call the provider); it gets 405 from the not-found handler.
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const target = contextFor(request);
        if (!target) return sendReply(reply, errorReply('FORBIDDEN'));
        const answer = await call(target.instance, name, method === 'GET' ? {} : request.body, target.context, request.log, clientGone(reply));
        request.log.debug({ operation: name, status: answer.status }, 'operation');
        return sendReply(reply, answer);
      },
    });
  }
}
