import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The file a request path names inside `root`, or null when it names nothing inside it. The check
 * is on whole path segments: `dist` must not reach `dist-server/main.js`, which a plain prefix
 * check (`startsWith(root)`) would let through. A path that does not decode names nothing.
 */
export function fileInside(root: string, requestPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestPath, 'http://static').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${sep}${path.endsWith('/') ? `${path}index.html` : path}`);
  return file.startsWith(`${root}${sep}`) ? file : null;
}

/** Serves a folder of static files on loopback, as any static host would serve the demo. */
export async function serveStatic(folder: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const file = fileInside(root, request.url ?? '/');
    if (file === null || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
