import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../scripts/precompress';
import { loadConfig } from './config';
import { startServer, type RunningServer } from './start';
import { captureLogs, operatorHeaders, operatorToken } from './testing';

/** The console's files as the build leaves them: each with its .br and .gz, served as they are. */
const html = `<!doctype html><title>console</title><script type="module" src="/assets/app-Ab12.js"></script>${'<!-- padding -->'.repeat(40)}`;
const script = `export const greeting = ${JSON.stringify('hello '.repeat(500))};\n`;

let server: RunningServer;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'index.html'), html);
  writeFileSync(join(folder, 'assets', 'app-Ab12.js'), script);
  precompressFolder(folder);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', OPERATOR_TOKEN: operatorToken });
  server = await startServer(config, { staticDir: folder, logDestination: captureLogs().stream });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that sends exactly the given Accept-Encoding (fetch would add its own) and keeps the bytes as sent. */
function get(path: string, acceptEncoding: string | null): Promise<RawReply> {
  const headers: Record<string, string> = { ...operatorHeaders };
  if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('static files: precompressed and cached', () => {
  it.each([
    ['br', 'br', (body: Buffer) => brotliDecompressSync(body)],
    ['gzip', 'gzip', (body: Buffer) => gunzipSync(body)],
    ['gzip, deflate, br, zstd', 'br', (body: Buffer) => brotliDecompressSync(body)],
    ['gzip;q=1, br;q=0', 'gzip', (body: Buffer) => gunzipSync(body)],
  ])('answers Accept-Encoding "%s" with %s', async (accept, encoding, decode) => {
    const reply = await get('/assets/app-Ab12.js', accept);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe(encoding);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers.vary).toMatch(/accept-encoding/i);
    expect(reply.body.length).toBeLessThan(script.length / 4);
    expect(decode(reply.body).toString('utf8')).toBe(script);
  });

  it.each([null, 'identity'])('sends the plain file when Accept-Encoding is %s', async (accept) => {
    const reply = await get('/assets/app-Ab12.js', accept);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.toString('utf8')).toBe(script);
  });

  it('marks hashed assets immutable for a year, whatever the encoding', async () => {
    for (const accept of ['br', 'gzip', null]) {
      expect((await get('/assets/app-Ab12.js', accept)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it.each(['/', '/index.html', '/some/screen'])('sends the page at %s compressed and revalidated on every visit', async (path) => {
    const compressed = await get(path, 'br, gzip');
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(compressed.body).toString('utf8')).toBe(html);
    const plain = await get(path, null);
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.toString('utf8')).toBe(html);
  });

  it('answers a missing asset with 404, not with the page and never as immutable', async () => {
    const reply = await get('/assets/missing-Zz99.js', 'br');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control'] ?? '').not.toContain('immutable');
    expect(reply.body.toString('utf8')).not.toContain('<title>console</title>');
  });
});
