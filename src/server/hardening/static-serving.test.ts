import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInside, serveStatic, type StaticServer } from '../../../e2e/support/static-server';
import { rawRequest } from '../testing';

/**
 * The demo preview (`npm run preview:demo`) and the e2e static server: a folder beside the root
 * whose name starts with the root's (`dist` and `dist-server/main.js`) stays out of reach.
 */
let base: string;
let server: StaticServer;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(base, 'dist'));
  mkdirSync(join(base, 'dist-server'));
  writeFileSync(join(base, 'dist', 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(base, 'dist-server', 'main.js'), 'const secret = "SIBLING_SECRET_4d1c";');
  server = await serveStatic(join(base, 'dist'));
});
afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

const get = (target: string) => rawRequest(server.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

describe('static serving', () => {
  it('serves the root', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>console</title>');
  });

  it.each(['/../dist-server/main.js', '/..%2fdist-server/main.js', '/%2e%2e/dist-server/main.js', '/..%5cdist-server%5cmain.js', '/%2e%2e%2fdist-server%2fmain.js'])(
    'refuses %s, a file in the sibling folder that shares the prefix',
    async (target) => {
      const reply = await get(target);
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain('SIBLING_SECRET');
    },
  );

  it('answers 404, not a crash, to a path that does not decode', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(404);
    expect((await get('/')).status).toBe(200);
  });

  it('checks whole path segments', () => {
    const root = join(base, 'dist');
    expect(fileInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(fileInside(root, '/..%2fdist-server/main.js')).toBeNull();
    expect(fileInside(root, '/..%2fdist')).toBeNull();
  });
});
