import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationNames, operations } from '../contract/operations';
import type { ApiReply } from '../gateway/api-call';
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

/** Which instance a request is for. One instance today; a caller with several passes its own. */
export type InstanceKeyOf = (request: FastifyRequest) => string;

export const DEFAULT_INSTANCE_KEY = 'default';

export interface ApiRouteOptions {
  call?: GuardedCall;
  instanceKey?: InstanceKeyOf;
}

/** One route per contract operation, and nothing else under /api. */
export function registerApiRoutes(app: FastifyInstance, context: RunContext, options: ApiRouteOptions = {}): void {
  const call = options.call ?? createGuardedCall();
  const instanceKey = options.instanceKey ?? (() => DEFAULT_INSTANCE_KEY);
  for (const name of operationNames) {
    const { method, path } = operations[name];
    app.route({
      method,
      url: path,
      handler: async (request, reply) => {
        const answer = await call(instanceKey(request), name, method === 'GET' ? {} : request.body, context, request.log);
        request.log.debug({ operation: name, status: answer.status }, 'operation');
        return sendReply(reply, answer);
      },
    });
  }
}
