import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationNames, operations } from '../contract/operations';
import { errorReply, handleApiCall, type ApiReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';

export function sendReply(reply: FastifyReply, answer: ApiReply): FastifyReply {
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

/** The run context of the instance the request's principal acts for; null when it has none. */
export type ContextResolver = (request: FastifyRequest) => RunContext | null;

/** One route per contract operation, and nothing else under /api. */
export function registerApiRoutes(app: FastifyInstance, contextFor: ContextResolver): void {
  for (const name of operationNames) {
    const { method, path } = operations[name];
    app.route({
      method,
      url: path,
      handler: async (request, reply) => {
        const context = contextFor(request);
        if (!context) return sendReply(reply, errorReply('FORBIDDEN'));
        const answer = await handleApiCall(name, method === 'GET' ? {} : request.body, context);
        request.log.info({ operation: name, status: answer.status }, 'operation');
        return sendReply(reply, answer);
      },
    });
  }
}
