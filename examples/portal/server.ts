import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { mintEmbedToken } from './mint-token';

/**
 * A minimal admin portal: one page that frames the console, and the back-end endpoint that mints
 * an embed token for it. Run it with `npx tsx examples/portal/server.ts` (see docs/embedding.md).
 */
export interface PortalOptions {
  /** The console's address; a function because the console may start after the portal. */
  consoleUrl: () => string;
  secret: string;
  issuer: string;
  instance: string;
  operator?: string;
  port?: number;
  host?: string;
  /** Other pages to serve, by path (tests use this for a stranger's page). */
  extraPages?: Record<string, string>;
}

export interface Portal {
  /** This portal's exact origin: what the console's EMBED_ALLOWED_ORIGINS must list. */
  origin: string;
  port: number;
  /** Every token minted so far (tests check that none leaks). */
  minted: string[];
  close: () => Promise<void>;
}

const here = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');

export async function startPortal(options: PortalOptions): Promise<Portal> {
  const host = options.host ?? '127.0.0.1';
  const minted: string[] = [];
  let origin = '';
  const pages: Record<string, { type: string; body: () => string }> = {
    '/': { type: 'text/html; charset=utf-8', body: () => here('index.html') },
    '/portal.js': { type: 'text/javascript; charset=utf-8', body: () => here('portal.js') },
    '/portal-config': { type: 'application/json', body: () => JSON.stringify({ consoleUrl: options.consoleUrl(), instance: options.instance }) },
    ...Object.fromEntries(Object.entries(options.extraPages ?? {}).map(([path, html]) => [path, { type: 'text/html; charset=utf-8', body: () => html }])),
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://portal').pathname;
    if (request.method === 'POST' && path === '/embed-token') {
      // A real portal checks its own operator session here, and picks the instance they may touch.
      void mintEmbedToken({ secret: options.secret, issuer: options.issuer, operator: options.operator ?? 'operator-1', instance: options.instance, parentOrigin: origin }).then((token) => {
        minted.push(token);
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ token }));
      });
      return;
    }
    const page = pages[path];
    if (!page || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body());
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, host, done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the portal has no port');
  origin = `http://${host}:${address.port}`;
  return {
    origin,
    port: address.port,
    minted,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
