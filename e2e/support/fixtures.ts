import { test as base, expect, type Page } from '@playwright/test';
import { startConsoleServer, type ConsoleServer } from './console-server';
import { RegistrationPage } from './registration-page';
import { serveStatic, type StaticServer } from './static-server';

/** Where the console under test comes from: the built proxy (`npm start`) or the static demo. */
export type Target = 'proxy' | 'demo';

interface Options {
  target: Target;
  /** Extra environment for the proxy process. */
  serverEnv: Record<string, string>;
}

interface WorkerFixtures {
  demoServer: StaticServer;
}

interface Fixtures {
  server: ConsoleServer | null;
  consoleUrl: string;
  registration: RegistrationPage;
}

export const test = base.extend<Options & Fixtures, WorkerFixtures>({
  target: ['proxy', { option: true }],
  serverEnv: [{}, { option: true }],

  server: async ({ target, serverEnv }, use) => {
    if (target !== 'proxy') {
      await use(null);
      return;
    }
    const server = await startConsoleServer(serverEnv);
    await use(server);
    await server.stop();
  },

  consoleUrl: async ({ target, server, demoServer }, use) => {
    if (server) {
      await use(server.url);
      return;
    }
    if (target !== 'demo') throw new Error(`no console for ${target}`);
    await use(demoServer.url);
  },

  // One static host per worker, closed only after the worker's last page. Per test, it closed
  // while the page was still open, and Chromium's service-worker update check, which runs a moment
  // after each navigation, then fetched mockServiceWorker.js from a closed port or from another
  // test's server on the same port ("Failed to update a ServiceWorker … Not found").
  demoServer: [
    // Playwright reads a fixture's dependencies from its destructuring; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const demo = await serveStatic('dist-demo');
      await use(demo);
      await demo.close();
    },
    { scope: 'worker' },
  ],

  // Every page fails its test on a console error, an uncaught exception or a CSP violation.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch as a resource error, and a failed background update check of
      // the demo's service worker the same way (the worker already running stays); the app's own
      // errors are what count.
      const chromiumNetworkLog = /^(Failed to load resource|Failed to update a ServiceWorker)/.test(message.text());
      if (message.type() === 'error' && !chromiumNetworkLog) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, 'console errors, page errors and CSP violations').toEqual([]);
  },

  registration: async ({ page, consoleUrl }, use) => {
    await use(new RegistrationPage(page, consoleUrl));
  },
});

export { expect, type Page };

/** Declares the same tests once per target, each in its own describe block. */
export function forTargets(targets: readonly Target[], define: (target: Target) => void): void {
  for (const target of targets) {
    test.describe(target === 'proxy' ? 'through the proxy' : 'in the demo build', () => {
      test.use({ target });
      define(target);
    });
  }
}
