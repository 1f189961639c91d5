import type { FastifyInstance } from 'fastify';

/**
 * A Vite build loads only external module scripts and one stylesheet, so `'self'` is enough and
 * no inline script is ever needed. Captcha and QR images arrive as data URIs (`img-src data:`).
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export interface SecurityHeaderOptions {
  /** Only over HTTPS: a browser then refuses plain HTTP to this host for a year. */
  hsts: boolean;
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions = { hsts: false }): void {
  const csp = contentSecurityPolicy("'none'");
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', csp);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    reply.removeHeader('x-powered-by');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
