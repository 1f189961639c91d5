import type { FastifyInstance } from 'fastify';
import { OPENAPI_PATH, openApiText } from './document';

/** GET /api/v1/openapi.json, behind the same credential as the API. Built once, at start. */
export function registerOpenApi(app: FastifyInstance): void {
  const text = openApiText();
  app.get(OPENAPI_PATH, async (_request, reply) => reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(text));
}
