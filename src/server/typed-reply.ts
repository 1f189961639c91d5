import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiReply } from '../gateway/api-call';

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a typed answer (a contract result or a catalogue error) as JSON. */
    sendApi(answer: ApiReply): FastifyReply;
  }
}

/**
 * Writes a typed answer on any reply. Fastify's `frameworkErrors` hands over a reply built before the
 * root's decorators apply, so that one path calls this directly.
 */
export function writeTypedReply(reply: FastifyReply, answer: ApiReply): FastifyReply {
  return typedHead(reply, answer).send(answer.body);
}

/** Status and headers of a typed answer. */
function typedHead(reply: FastifyReply, answer: ApiReply): FastifyReply {
  const body = answer.body;
  // A 429 says when to come back in the header too, for clients that only read headers.
  if (answer.status === 429 && typeof body === 'object' && body !== null && 'retryAfterSeconds' in body) {
    reply.header('retry-after', String(body.retryAfterSeconds));
  }
  return reply.code(answer.status).type('application/json; charset=utf-8');
}

/** A typed answer put in place of the one being sent, from an `onSend` hook: its head set, its body returned. */
export function replacedPayload(reply: FastifyReply, answer: ApiReply): string {
  typedHead(reply, answer).removeHeader('content-length');
  return JSON.stringify(answer.body);
}

function sendApi(this: FastifyReply, answer: ApiReply): FastifyReply {
  return writeTypedReply(this, answer);
}

/**
 * Every answer the proxy writes itself goes through `reply.sendApi`: decorated once on the root, so
 * the hooks of every plugin, the error handlers and the routes answer the same way.
 */
export function decorateTypedReplies(app: FastifyInstance): void {
  app.decorateReply('sendApi', sendApi);
}
