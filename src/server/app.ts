import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { errorReply } from '../gateway/api-call';
import type { RunContext } from '../gateway/run-operation';
import { registerApiRoutes, sendReply } from './api-routes';
import type { Embedding } from './embed/embedding';
import { principalOf, registerAuthentication, type Authenticator, type Principal } from './instances/authentication';
import { newRequestId } from './logger';
import { registerSecurityHeaders } from './security-headers';

export interface AppOptions {
  logger: FastifyBaseLogger;
  /** The run context of each instance alias; a request reaches the one its principal names. */
  instance: (alias: string) => RunContext | null;
  /** Tried in order on every API request; the embed session is one of them. */
  authenticators: Authenticator[];
  /** Who a request with no credentials acts as, or null to refuse it. */
  anonymous: Principal | null;
  /** Null when embedding is off. */
  embedding: Embedding | null;
  /** Folder of the built console; null serves the API alone. */
  staticDir: string | null;
}

const BODY_LIMIT_BYTES = 16 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: newRequestId,
    requestIdHeader: false,
    trustProxy: false,
    return503OnClosing: true,
    // Slow clients are cut off instead of holding sockets open.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
  });

  // JSON is the only body the API takes; anything else is refused before a handler runs.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return sendReply(reply, errorReply('UNSUPPORTED_MEDIA_TYPE'));
  });

  app.setErrorHandler((error, request, reply) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendReply(reply, errorReply('PAYLOAD_TOO_LARGE'));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendReply(reply, errorReply('UNSUPPORTED_MEDIA_TYPE'));
    if (code.startsWith('FST_ERR_CTP_') || error instanceof SyntaxError) {
      return sendReply(reply, errorReply('INVALID_REQUEST'));
    }
    request.log.error({ err: error }, 'unexpected failure');
    return sendReply(reply, errorReply('INTERNAL'));
  });

  registerSecurityHeaders(app, options.embedding?.frameAncestors);
  // Authentication and instances (issue 7): every API route acts for a principal's instance alias.
  registerAuthentication(app, {
    authenticators: options.authenticators,
    anonymous: options.anonymous,
    exempt: options.embedding ? [options.embedding.exchangePath] : [],
  });
  options.embedding?.register(app);
  registerApiRoutes(app, (request) => {
    const principal = principalOf(request);
    return principal ? options.instance(principal.instance) : null;
  });

  if (options.staticDir) {
    await app.register(fastifyStatic, {
      root: options.staticDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (response, filePath) => {
        const immutable = /[\\/]assets[\\/]/.test(filePath);
        response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !options.staticDir) {
      return sendReply(reply, errorReply('NOT_FOUND'));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendReply(reply, errorReply('METHOD_NOT_ALLOWED'));
    if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '')) return sendReply(reply, errorReply('NOT_FOUND'));
    // Every other page address is the console itself; the hash and query pick the screen.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
