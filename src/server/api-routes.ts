import type { FastifyInstance, FastifyReply } from 'fastify';
import { operationNames, operations } from '../contract/operations';
import { handleApiCall, type ApiReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';

export function sendReply(reply: FastifyReply, answer: ApiReply): FastifyReply {
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

/** One route per contract operation, and nothing else under /api. */
export function registerApiRoutes(app: FastifyInstance, context: RunContext): void {
  for (const name of operationNames) {
    const { method, path } = operations[name];
    app.route({
      method,
      url: path,
      handler: async (request, reply) => {
        const answer = await handleApiCall(name, method === 'GET' ? {} : request.body, context);
        request.log.info({ operation: name, status: answer.status }, 'operation');
        return sendReply(reply, answer);
      },
    });
  }
}
