import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Checks what the first page load costs and what must never ship:
 * - the JavaScript dist/index.html loads (entry + modulepreloads), gzip level 9, at most 150 KB;
 * - no MSW and no simulated provider anywhere in dist/ (they belong to the demo build only);
 * - in the demo build, MSW is only in a chunk loaded later, never in the initial graph.
 */

const BUDGET_BYTES = 150_000;
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
const jsBytes = app.js.reduce((sum, file) => sum + gz(file), 0);
const cssBytes = app.css.reduce((sum, file) => sum + gz(file), 0);
const lazy = readdirSync('dist/assets').filter((name) => name.endsWith('.js') && !app.js.some((file) => file.endsWith(name)));

console.log('Console build (dist/):');
for (const file of app.js) console.log(`  initial ${file.padEnd(40)} ${kb(gz(file))} gzip`);
console.log(`  initial JavaScript total: ${kb(jsBytes)} gzip (budget ${kb(BUDGET_BYTES)})`);
console.log(`  CSS total: ${kb(cssBytes)} gzip (budget ${kb(CSS_BUDGET_BYTES)})`);
console.log(`  loaded later: ${lazy.map((name) => `${name} ${kb(gz(join('dist/assets', name)))}`).join(', ')}`);

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

if (failures.length > 0) {
  console.error(`\nBundle budget failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nBundle budget: within limits.');
