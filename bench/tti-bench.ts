import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { z } from 'zod';
import { startConsoleServer, type ConsoleServer } from '../e2e/support/console-server';
import { chromiumArgs, findChromium } from '../scripts/chromium';
import { precompress } from '../scripts/precompress';
import { writeSection } from './report-section';

/**
 * `npm run bench:tti`: how long a slow phone waits for the console, against a bare React hello
 * world built by Vite and served by the same proxy (same compression and cache headers), in the
 * same run. Chromium throttled over CDP to Slow 4G (150 ms RTT, 1.6 Mbps down) and a 4× slower
 * CPU; runs alternate between the two pages, and medians are compared. Needs `npm run build`.
 *
 * - first visit (empty cache): until the first screen's choice can be clicked; it is clicked at
 *   once ("register"), and the phone field is the end (the hello world: until its field shows);
 * - mid-journey reload (cache warm): a journey with a number typed, reloaded, until the phone
 *   field shows again (the hello world: reloaded until its field shows).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const REPORT = 'docs/performance.md';

/** The in-page clock (ms from navigation start) at which each point was first reached. */
const marksSchema = z.object({ choice: z.number().optional(), field: z.number().optional() });
type Marks = z.infer<typeof marksSchema>;

/**
 * Installed before any page script: watches the DOM and notes when the first screen's choice and
 * the phone field (or the hello world's field) first appear, and clicks "register" the moment it
 * can, as a quick operator would. Plain JavaScript: the page runs it as written.
 */
const WATCH = `(() => {
  const marks = {};
  window.benchMarks = marks;
  new MutationObserver(() => {
    const choice = document.querySelector('button[aria-describedby]');
    if (marks.choice === undefined && choice && !choice.disabled) {
      marks.choice = performance.now();
      choice.click();
    }
    const field = document.querySelector('input[type="tel"]');
    if (marks.field === undefined && field && !field.disabled) marks.field = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function throttledPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ content: WATCH });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

async function marksOf(page: Page): Promise<Marks> {
  // Arrow functions with nothing named inside: the page runs them as serialized, with no helpers.
  await page.waitForFunction(() => (window as { benchMarks?: { field?: number } }).benchMarks?.field !== undefined, undefined, {
    timeout: 60_000,
    polling: 50,
  });
  const marks: unknown = await page.evaluate(() => ({ ...(window as { benchMarks?: object }).benchMarks }));
  return marksSchema.parse(marks);
}

interface Run {
  first: Marks;
  reload: Marks;
}

/** A journey under way: the number typed, as the console keeps it across a reload. */
const JOURNEY = JSON.stringify({ v: 1, state: { step: 'phoneEntry', phone: { ddi: '55', phone: '11987654321' }, error: null } });

async function measure(browser: Browser, url: string, isConsole: boolean): Promise<Run> {
  const page = await throttledPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const first = await marksOf(page);
    if (isConsole) await page.evaluate((state) => sessionStorage.setItem('wa-onboarding:flow', state), JOURNEY);
    await page.reload({ waitUntil: 'commit' });
    const reload = await marksOf(page);
    return { first, reload };
  } finally {
    await page.context().close();
  }
}

async function buildHelloWorld(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve('bench/hello-world'),
    logLevel: 'warn',
    plugins: [react(), precompress()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

if (!existsSync('dist/index.html') || !existsSync('dist-server/main.js')) {
  process.stderr.write('Run `npm run build` first: the benchmark serves the built console with the built proxy.\n');
  process.exit(1);
}

const helloDir = mkdtempSync(join(tmpdir(), 'hello-world-'));
const servers: ConsoleServer[] = [];
const executablePath = findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
const loadBefore = loadavg()[0] ?? 0;
try {
  await buildHelloWorld(helloDir);
  const consoleServer = await startConsoleServer();
  servers.push(consoleServer);
  const helloServer = await startConsoleServer({ STATIC_DIR: helloDir });
  servers.push(helloServer);

  const consoleRuns: Run[] = [];
  const helloRuns: Run[] = [];
  // Warm-up (not counted): the servers' first answers and Chromium's own start-up.
  await measure(browser, consoleServer.url, true);
  await measure(browser, helloServer.url, false);
  for (let run = 0; run < RUNS; run += 1) {
    // Alternating which goes first, so a burst of load elsewhere falls on both alike.
    const order = run % 2 === 0 ? (['console', 'hello'] as const) : (['hello', 'console'] as const);
    for (const which of order) {
      if (which === 'console') consoleRuns.push(await measure(browser, consoleServer.url, true));
      else helloRuns.push(await measure(browser, helloServer.url, false));
    }
    process.stdout.write(`run ${run + 1}/${RUNS}: console ${JSON.stringify(consoleRuns.at(-1))}, hello ${JSON.stringify(helloRuns.at(-1))}\n`);
  }
  const loadAfter = loadavg()[0] ?? 0;

  const pick = (runs: Run[], get: (run: Run) => number | undefined) => median(runs.map((run) => get(run) ?? Number.NaN));
  const figures = {
    choice: pick(consoleRuns, (run) => run.first.choice),
    phone: pick(consoleRuns, (run) => run.first.field),
    helloFirst: pick(helloRuns, (run) => run.first.field),
    reload: pick(consoleRuns, (run) => run.reload.field),
    helloReload: pick(helloRuns, (run) => run.reload.field),
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const cores = cpus().length;
  const report = `## Time to a usable first screen (\`npm run bench:tti\`)

Measured by \`bench/tti-bench.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Chromium (${executablePath ?? 'Playwright'}) driven by
Playwright, throttled over CDP to Slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up) and a ${CPU_SLOWDOWN}× slower CPU.
The console (\`npm run build\`, served by \`node dist-server/main.js\` with the simulated provider) and a bare React
hello world (one heading and one field, built by Vite and served by the same proxy: precompressed, same cache
headers) run alternately, ${RUNS} times each after one warm-up; the figures are medians, in seconds from navigation start.
The 1-minute load average was ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the run on ${cores} cores${
    Math.max(loadBefore, loadAfter) > cores * 0.75 ? ' (other work was running on the machine: absolute times are pessimistic, the ratios less so)' : ''
  }.

| | console | hello world | ratio |
|---|---|---|---|
| first visit: the first screen's choice can be clicked | ${s(figures.choice)} | ${s(figures.helloFirst)} | ${ratio(figures.choice, figures.helloFirst)} |
| first visit: "register" clicked at once, the phone field shows | ${s(figures.phone)} | ${s(figures.helloFirst)} | **${ratio(figures.phone, figures.helloFirst)}** |
| mid-journey reload (cache warm): the phone field shows | ${s(figures.reload)} | ${s(figures.helloReload)} | **${ratio(figures.reload, figures.helloReload)}** |

Goal: ≤ 1.3× the hello world on a first visit. The hello world's field is its whole page; the console's first
screen also waits for the instance's status and capabilities (asked together with the locale at boot), and the
phone field for the registration chunk, which the boot fetches in parallel before anyone clicks.
`;
  writeSection(REPORT, 'bench:tti', report);
  process.stdout.write(`\n${report}`);
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
  rmSync(helloDir, { recursive: true, force: true });
}
