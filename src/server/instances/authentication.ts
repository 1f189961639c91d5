import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorReply } from '../../gateway/api-call';

/** Who a request acts for, and on which instance alias. The browser never names the instance. */
export interface Principal {
  /** Which authenticator recognised the request ('embed', 'operator', 'anonymous'). */
  via: string;
  subject: string;
  instance: string;
  /** An embed session's exact parent origin: the one other origin that may call for it. */
  origin?: string;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' };

/**
 * One way of recognising a request (an embed-session bearer, an operator key). It answers null
 * when the request carries nothing it knows, so the next one in the list may try.
 */
export type Authenticator = (request: FastifyRequest) => Promise<Authentication | null>;

export interface AuthenticationOptions {
  authenticators: Authenticator[];
  /** Who a request with no credentials acts as (standalone mode), or null to refuse it. */
  anonymous: Principal | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts for; null until the authentication hook of its scope named someone. */
    principal: Principal | null;
  }
}

/** Every request starts with no principal; decorated once on the root so every scope can read it. */
export function decoratePrincipal(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
}

/**
 * Registered in the scope of the routes that act for someone: runs before the body is read. The
 * first authenticator that recognises the request decides; a request that none recognises is
 * anonymous, if that is allowed.
 */
export function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const authenticate of options.authenticators) {
      const result = await authenticate(request);
      if (!result) continue;
      if (!result.ok) {
        request.log.info({ auth: 'refused', code: result.code }, 'authentication');
        return reply.sendApi(errorReply(result.code));
      }
      request.principal = result.principal;
      return;
    }
    if (options.anonymous) {
      request.principal = options.anonymous;
      return;
    }
    return reply.sendApi(errorReply('UNAUTHORIZED'));
  });
}
