import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BRAND_LOGO_MAX_BYTES } from './brand';
import { ConfigError, loadConfig } from './config';
import { startTestStack, type TestStack } from './testing/proxy-under-test';

const folder = mkdtempSync(join(tmpdir(), 'brand-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
};
// A 1×1 PNG: what a logo file starts like.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4AWNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==', 'base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the brand in the configuration', () => {
  it('is none by default, and a blank variable is not given', () => {
    expect(loadConfig({}).brand).toEqual({ name: null, logo: null });
    expect(loadConfig({ BRAND_NAME: '  ', BRAND_LOGO_PATH: '' }).brand).toEqual({ name: null, logo: null });
  });

  it('takes a product name, trimmed, of at most 60 characters', () => {
    expect(loadConfig({ BRAND_NAME: '  Acme Connect ' }).brand.name).toBe('Acme Connect');
    expect(problemsOf({ BRAND_NAME: 'x'.repeat(61) })).toEqual(['BRAND_NAME: at most 60 characters']);
  });

  it('reads the logo file once, with the type its extension names', () => {
    const logo = loadConfig({ BRAND_LOGO_PATH: file('logo.png', png) }).brand.logo;
    expect(logo?.type).toBe('image/png');
    expect(logo?.bytes.equals(png)).toBe(true);
    expect(loadConfig({ BRAND_LOGO_PATH: file('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>') }).brand.logo?.type).toBe('image/svg+xml');
  });

  it('refuses to start with a logo that is missing, empty, too large or not an image', () => {
    expect(problemsOf({ BRAND_LOGO_PATH: join(folder, 'missing.png') })).toEqual(['BRAND_LOGO_PATH: the file cannot be read']);
    expect(problemsOf({ BRAND_LOGO_PATH: file('empty.png', '') })).toEqual(['BRAND_LOGO_PATH: the file must hold 1 byte to 256 KB']);
    expect(problemsOf({ BRAND_LOGO_PATH: file('big.png', Buffer.alloc(BRAND_LOGO_MAX_BYTES + 1)) })).toEqual([
      'BRAND_LOGO_PATH: the file must hold 1 byte to 256 KB',
    ]);
    expect(problemsOf({ BRAND_LOGO_PATH: file('page.html', '<script></script>') })).toEqual(['BRAND_LOGO_PATH: a .png, .jpg, .jpeg, .webp or .svg file']);
    expect(problemsOf({ BRAND_LOGO_PATH: folder })).toEqual(['BRAND_LOGO_PATH: a .png, .jpg, .jpeg, .webp or .svg file']);
  });
});

describe('the brand served by the proxy', () => {
  let stack: TestStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('answers the name and the logo from its own origin, the logo with the security headers', async () => {
    stack = await startTestStack({ BRAND_NAME: 'Acme Connect', BRAND_LOGO_PATH: file('acme.png', png) });
    const brand = await stack.get('/brand.json');
    expect(brand.status).toBe(200);
    expect(brand.body).toEqual({ name: 'Acme Connect', logo: '/brand/logo' });
    expect(brand.headers.get('cache-control')).toBe('no-store');
    // Behind the operator credential, like the console's pages.
    expect((await fetch(`${stack.server.url}/brand/logo`)).status).toBe(401);
    const logo = await stack.get('/brand/logo');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers no brand, and no logo, when none is configured', async () => {
    stack = await startTestStack();
    expect((await stack.get('/brand.json')).body).toEqual({ name: null, logo: null });
    expect((await stack.get('/brand/logo')).status).toBe(404);
  });
});
