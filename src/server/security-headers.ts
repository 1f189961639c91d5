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

/**
 * The path a request-target names, however it is written: absolute-form (`http://host/api/…`),
 * backslashes or doubled slashes. Used to decide what is an API answer, never to route.
 */
export function targetPath(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '').split(/[?#]/)[0] ?? '';
  return `/${path.replace(/[\\/]+/g, '/').replace(/^\//, '')}`.toLowerCase();
}

export const isApiTarget = (url: string): boolean => /^\/api(\/|$)/.test(targetPath(url));

/** The headers of every answer that is not an HTML page: no framing, no sniffing, no caching. */
export function plainAnswerHeaders(hsts: boolean): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy("'none'"),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cache-control': 'no-store',
    ...(hsts ? { 'strict-transport-security': HSTS_VALUE } : {}),
  };
}

const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

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
    if (hsts) reply.header('strict-transport-security', HSTS_VALUE);
    // Every API answer and every JSON error, whatever form the request-target took.
    const type = reply.getHeader('content-type');
    if (isApiTarget(request.url) || (typeof type === 'string' && type.startsWith('application/json'))) reply.header('cache-control', 'no-store');
    return payload;
  });
}
