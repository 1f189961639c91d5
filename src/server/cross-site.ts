import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorReply } from '../gateway/api-call';
import { sendReply } from './api-routes';
import { principalOf } from './instances/authentication';
import { isApiTarget } from './security-headers';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host (and port) the request was addressed to, as the client saw it (through trusted proxies). */
function ownHost(request: FastifyRequest): string {
  return request.host.toLowerCase();
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a state-changing call comes from a page of another origin. */
export function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (origin !== undefined) {
    // The embed session's own parent origin may call, as its token allowed.
    if (principalOf(request)?.origin === origin) return false;
    return origin === 'null' || hostOf(origin) !== ownHost(request);
  }
  // No Origin (older browsers on some requests): the fetch metadata still tells another site apart.
  return site === 'cross-site' || site === 'same-site';
}

/**
 * CSRF defence in depth (S-08, ASVS 3.5): the browser sends the operator's basic credentials to the
 * proxy whichever page makes the request, so a state-changing API call from a page on another
 * origin — told by `Origin`, or by `Sec-Fetch-Site` when there is none — is refused with 403 before
 * its handler runs. Registered after authentication, so an embed session's parent origin is known.
 */
export function registerCrossSiteCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (safeMethods.has(request.method) || !isApiTarget(request.url) || !isCrossSite(request)) return;
    request.log.warn({ reason: 'cross-site', method: request.method }, 'request refused');
    return sendReply(reply, errorReply('CROSS_SITE_REQUEST'));
  });
}
