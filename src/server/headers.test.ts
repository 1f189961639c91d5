import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { loadConfig } from './config';
import { startServer, type RunningServer } from './start';
import { captureLogs, operatorHeaders, operatorToken } from './testing/proxy-under-test';

/** S-09: the headers of every kind of answer, from a proxy serving a console folder. */
let server: RunningServer;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(folder, 'assets', 'app.js'), 'console.log(1)');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', HSTS: 'true', OPERATOR_TOKEN: operatorToken });
  server = await startServer(config, { staticDir: folder, logDestination: captureLogs().stream });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers: { ...operatorHeaders, ...headers } });

describe('security headers (S-09)', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/some/screen', operations.getStatus.path, '/api/v1/nothing-here'])(
    'sends the full set on %s',
    async (path) => {
      const headers = (await get(path, { origin: 'https://evil.example' })).headers;
      const csp = headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "img-src 'self' data: blob:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|script-src[^;]*data:/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
      expect(headers.get('access-control-allow-origin')).toBeNull();
      expect(headers.get('access-control-allow-credentials')).toBeNull();
      expect(headers.get('x-powered-by')).toBeNull();
    },
  );

  it('marks every API answer no-store, and the console page no-cache', async () => {
    expect((await get(operations.getStatus.path)).headers.get('cache-control')).toBe('no-store');
    expect((await get('/api/v1/nothing-here')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/assets/app.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('answers a CORS preflight without allowing anything', async () => {
    const reply = await fetch(`${server.url}${operations.checkAvailability.path}`, {
      method: 'OPTIONS',
      headers: { ...operatorHeaders, origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    expect(reply.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('sends no HSTS unless configured', async () => {
    const plain = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { staticDir: null, logDestination: captureLogs().stream });
    try {
      expect((await fetch(`${plain.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
