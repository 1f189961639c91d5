import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorReply } from '../../gateway/api-call';
import { sendReply } from '../api-routes';

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
  /** Routes that take no principal (the embed token exchange itself). */
  exempt: string[];
}

const principals = new WeakMap<FastifyRequest, Principal>();

export function principalOf(request: FastifyRequest): Principal | null {
  return principals.get(request) ?? null;
}

/**
 * Runs before the body is read: every API route needs a principal. The first authenticator that
 * recognises the request decides; a request that none recognises is anonymous, if that is allowed.
 * Unknown routes are left to the 404 handler.
 */
export function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || options.exempt.includes(route)) return;
    for (const authenticate of options.authenticators) {
      const result = await authenticate(request);
      if (!result) continue;
      if (!result.ok) {
        request.log.info({ auth: 'refused', code: result.code }, 'authentication');
        return sendReply(reply, errorReply(result.code));
      }
      principals.set(request, result.principal);
      return;
    }
    if (options.anonymous) {
      principals.set(request, options.anonymous);
      return;
    }
    return sendReply(reply, errorReply('UNAUTHORIZED'));
  });
}
