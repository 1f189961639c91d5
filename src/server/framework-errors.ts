import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, errorCatalogue } from '../contract/error-catalogue';
import type { ErrorCode } from '../contract/errors';
import { errorReply } from '../gateway/api-call';
import { sendReply } from './api-routes';
import { isApiTarget, plainAnswerHeaders, targetPath } from './security-headers';

/**
 * Answers to what fails before a route runs: a URL that cannot be decoded, a request Node's parser
 * refuses (headers too large, too slow, malformed), an unknown path or method. Each one is a
 * catalogue body with the security headers, and none repeats anything of the request.
 */

/** Fastify's `frameworkErrors`: a URL that does not decode (`%E0%A4%A`). */
export function frameworkErrorAnswer(hsts: boolean) {
  return (_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    void sendReply(reply.headers(plainAnswerHeaders(hsts)), errorReply('INVALID_REQUEST'));
  };
}

function clientErrorCode(code: unknown): ErrorCode {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  return 'INVALID_REQUEST';
}

/**
 * Fastify's `clientErrorHandler`: Node's parser gave up on the request (431, 408, a malformed
 * request line or an unknown method), so there is no request object; the answer is written raw.
 */
export function clientErrorAnswer(hsts: boolean) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code = clientErrorCode(error.code);
    const { status } = errorCatalogue[code];
    const body = JSON.stringify(errorBody(code));
    const headers = {
      ...plainAnswerHeaders(hsts),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n\r\n${body}`);
    socket.destroy();
  };
}

/**
 * Unknown paths and methods. An API path asked with a method it does not take (HEAD, OPTIONS, PUT,
 * PROPFIND…) answers 405 with `Allow`, and no provider is called; other API paths 404; anything else
 * is the console's page, when the console is served.
 */
export function registerNotFound(app: FastifyInstance, staticDir: string | null): void {
  app.setNotFoundHandler((request, reply) => {
    const path = targetPath(request.url);
    const allow = (['GET', 'POST'] as const).filter((method) => method !== request.method && app.hasRoute({ method, url: path }));
    if (allow.length > 0) return sendReply(reply.header('allow', allow.join(', ')), errorReply('METHOD_NOT_ALLOWED'));
    // Anything that looks like the API, however it is spelt (`//api`, `\\api`), is not the console.
    if (isApiTarget(request.url) || !staticDir) return sendReply(reply, errorReply('NOT_FOUND'));
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendReply(reply.header('allow', 'GET, HEAD'), errorReply('METHOD_NOT_ALLOWED'));
    if (/\.[a-z0-9]+$/i.test(path)) return sendReply(reply, errorReply('NOT_FOUND'));
    // Every other page address is the console itself; the hash and query pick the screen.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
