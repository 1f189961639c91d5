import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startConsoleServer } from '../e2e/support/console-server';

/**
 * Checks what the first page load costs and what must never ship:
 * - the JavaScript the first screen waits for, gzip level 9, at most 100 KB: what dist/index.html
 *   loads (entry + modulepreloads) plus the English locale chunk, which the boot fetches at once
 *   (the other locales are listed; each replaces English, they never add up);
 * - the built proxy serves that entry compressed and immutable, and the page itself `no-cache`;
 * - no MSW and no simulated provider anywhere in dist/ (they belong to the demo build only);
 * - in the demo build, MSW is only in a chunk loaded later, never in the initial graph.
 */

const BUDGET_BYTES = 100_000;
/** The default locale's chunk, fetched by the boot beside the entry. */
const BOOT_LOCALE = /^en-[\w-]+\.js$/;
const LOCALE = /^(en|es|pt-br)-[\w-]+\.js$/;
const CSS_BUDGET_BYTES = 25_000;
/** Strings that only MSW or the simulated provider contain. */
const FORBIDDEN = ['mockServiceWorker', '[MSW]', 'Unable to find matching target resource method', '11900000001'];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function initialAssets(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attribute = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1] ?? '');
  const js = [
    ...attribute(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...attribute(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const css = attribute(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const local = (path: string) => join(dist, path.replace(/^\.?\//, ''));
  return { js: [...new Set(js)].map(local), css: css.map(local) };
}

function filesWith(dist: string, markers: string[]): string[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .filter((name) => {
      const text = readFileSync(join(assets, name), 'utf8');
      return markers.some((marker) => text.includes(marker));
    });
}

const failures: string[] = [];

const app = initialAssets('dist');
const chunks = readdirSync('dist/assets').filter((name) => name.endsWith('.js'));
const bootLocale = chunks.filter((name) => BOOT_LOCALE.test(name)).map((name) => join('dist/assets', name));
const critical = [...app.js, ...bootLocale];
const jsBytes = critical.reduce((sum, file) => sum + gz(file), 0);
const cssBytes = app.css.reduce((sum, file) => sum + gz(file), 0);
const lazy = chunks.filter((name) => !critical.some((file) => file.endsWith(name)));

console.log('Console build (dist/):');
for (const file of app.js) console.log(`  initial ${file.padEnd(44)} ${kb(gz(file)).padStart(8)} gzip`);
for (const file of bootLocale) console.log(`  locale  ${file.padEnd(44)} ${kb(gz(file)).padStart(8)} gzip (fetched at boot)`);
console.log(`  initial JavaScript total: ${kb(jsBytes)} gzip (budget ${kb(BUDGET_BYTES)})`);
console.log(`  CSS total: ${kb(cssBytes)} gzip (budget ${kb(CSS_BUDGET_BYTES)})`);
console.log('  loaded later (lazy chunks, fetched after the entry runs):');
for (const name of lazy) {
  const note = LOCALE.test(name) ? ' (another locale, instead of English)' : '';
  console.log(`    ${name.padEnd(44)} ${kb(gz(join('dist/assets', name))).padStart(8)} gzip${note}`);
}

if (bootLocale.length !== 1) failures.push(`expected one English locale chunk, found ${bootLocale.length}`);
if (jsBytes > BUDGET_BYTES) failures.push(`initial JavaScript is ${kb(jsBytes)} gzip, over ${kb(BUDGET_BYTES)}`);
if (cssBytes > CSS_BUDGET_BYTES) failures.push(`CSS is ${kb(cssBytes)} gzip, over ${kb(CSS_BUDGET_BYTES)}`);
if (existsSync('dist/mockServiceWorker.js')) failures.push('dist/ contains mockServiceWorker.js');
const leaked = filesWith('dist', FORBIDDEN);
if (leaked.length > 0) failures.push(`MSW or the simulated provider is in the console build: ${leaked.join(', ')}`);

if (existsSync('dist-demo/index.html')) {
  const demo = initialAssets('dist-demo');
  const demoBytes = demo.js.reduce((sum, file) => sum + gz(file), 0);
  const mswChunks = filesWith('dist-demo', ['mockServiceWorker']);
  console.log('Demo build (dist-demo/):');
  console.log(`  initial JavaScript total: ${kb(demoBytes)} gzip; MSW in: ${mswChunks.join(', ') || 'nothing'}`);
  const mswInitial = demo.js.filter((file) => mswChunks.some((chunk) => file.endsWith(chunk)));
  if (mswInitial.length > 0) failures.push(`MSW is in the demo's initial JavaScript: ${mswInitial.join(', ')}`);
  if (mswChunks.length === 0) failures.push('the demo build has no MSW chunk: the demo would not answer');
  if (!existsSync('dist-demo/mockServiceWorker.js')) failures.push('dist-demo/ lacks mockServiceWorker.js');
}

failures.push(...(await checkServed(app.js[0] ?? '')));

/** The built proxy (as `npm start` runs it) serving dist/: what a browser gets on the wire. */
async function checkServed(entryFile: string): Promise<string[]> {
  if (!existsSync('dist-server/main.js')) return ['dist-server/main.js is missing: run `npm run build` first'];
  const entryPath = `/${entryFile.replace(/^dist[\\/]/, '')}`;
  const server = await startConsoleServer();
  try {
    const entry = await head(`${server.url}${entryPath}`, 'br, gzip');
    const plain = await head(`${server.url}${entryPath}`, null);
    const page = await head(`${server.url}/`, 'br, gzip');
    console.log('Served by the built proxy:');
    console.log(`  ${entryPath}: content-encoding ${entry.encoding ?? 'none'}, ${entry.bytes} bytes (${plain.bytes} uncompressed), cache-control ${entry.cache}`);
    console.log(`  /: content-encoding ${page.encoding ?? 'none'}, cache-control ${page.cache}`);
    const problems: string[] = [];
    if (entry.status !== 200) problems.push(`the entry answered ${entry.status}`);
    if (entry.encoding !== 'br') problems.push(`the entry is served with content-encoding ${entry.encoding ?? 'none'}, not br`);
    if (entry.cache !== 'public, max-age=31536000, immutable') problems.push(`the entry's cache-control is "${entry.cache}", not immutable`);
    if (plain.encoding !== null || plain.bytes <= entry.bytes) problems.push('without Accept-Encoding the entry is not the plain file');
    if (page.cache !== 'no-cache') problems.push(`the page's cache-control is "${page.cache}", not no-cache`);
    return problems;
  } finally {
    await server.stop();
  }
}

interface Served {
  status: number;
  encoding: string | null;
  cache: string;
  bytes: number;
}

/** A GET with exactly this Accept-Encoding (fetch would add its own and decode), counting the bytes sent. */
function head(url: string, acceptEncoding: string | null): Promise<Served> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: response.headers['content-encoding'] ?? null,
          cache: response.headers['cache-control'] ?? '',
          bytes,
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

if (failures.length > 0) {
  console.error(`\nBundle budget failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nBundle budget: within limits.');
