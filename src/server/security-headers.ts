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
  /**
   * The exact portal origins allowed to frame the console's pages when embedding is on. Only HTML
   * gets them, without X-Frame-Options (it cannot name another origin and would block the portal);
   * everything else, and every page when embedding is off, is `'none'` + DENY.
   */
  frameAncestors?: string[];
}

/**
 * An HTML page, or the revalidation of one: a 304 has no content type, and must carry the same
 * framing rule as the page it confirms, or the browser refuses the cached page in the frame.
 */
function isPage(url: string, status: number, contentType: unknown): boolean {
  if (typeof contentType === 'string') return contentType.startsWith('text/html');
  const path = url.split('?')[0] ?? '';
  return status === 304 && !path.startsWith('/api/') && (path.endsWith('.html') || !/\.[a-z0-9]+$/i.test(path));
}

export function registerSecurityHeaders(
  app: FastifyInstance,
  { hsts, frameAncestors = [] }: SecurityHeaderOptions = { hsts: false },
): void {
  const csp = contentSecurityPolicy("'none'");
  const framedCsp = frameAncestors.length > 0 ? contentSecurityPolicy(frameAncestors.join(' ')) : null;
  app.addHook('onSend', async (request, reply, payload) => {
    if (framedCsp && isPage(request.url, reply.statusCode, reply.getHeader('content-type'))) {
      reply.header('content-security-policy', framedCsp);
      reply.removeHeader('x-frame-options');
    } else {
      reply.header('content-security-policy', csp);
      reply.header('x-frame-options', 'DENY');
    }
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    reply.removeHeader('x-powered-by');
    if (hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
