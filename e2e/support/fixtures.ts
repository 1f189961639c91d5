import { test as base, expect, type Page } from '@playwright/test';
import { startConsoleServer, type ConsoleServer } from './console-server';
import { RegistrationPage } from './registration-page';
import { serveStatic } from './static-server';

/** Where the console under test comes from: the built proxy (`npm start`) or the static demo. */
export type Target = 'proxy' | 'demo';

interface Options {
  target: Target;
  /** Extra environment for the proxy process. */
  serverEnv: Record<string, string>;
}

interface Fixtures {
  server: ConsoleServer | null;
  consoleUrl: string;
  registration: RegistrationPage;
}

export const test = base.extend<Options & Fixtures>({
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

  consoleUrl: async ({ target, server }, use) => {
    if (server) {
      await use(server.url);
      return;
    }
    if (target !== 'demo') throw new Error(`no console for ${target}`);
    const demo = await serveStatic('dist-demo');
    await use(demo.url);
    await demo.close();
  },

  // Every page fails its test on a console error, an uncaught exception or a CSP violation.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch as a resource error; the app's own errors are what count.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
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
