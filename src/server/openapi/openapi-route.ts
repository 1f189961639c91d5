import type { FastifyInstance } from 'fastify';
import { routeOf } from '../api-routes';
import { OPENAPI_PATH, openApiText } from './document';

/** GET /api/v1/openapi.json, in the API plugin's signed-in scope (as the operations are). Built once, at start. */
export function registerOpenApi(app: FastifyInstance): void {
  const text = openApiText();
  app.get(routeOf(OPENAPI_PATH), async (_request, reply) => reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(text));
}
