import { LinkingPage } from './linking-page';
import { test as base } from './fixtures';

export const test = base.extend<{ linking: LinkingPage }>({
  linking: async ({ page, consoleUrl }, use) => {
    await use(new LinkingPage(page, consoleUrl));
  },
});

/** The simulated provider behind the proxy speaks each of these; `serverEnv` picks one. */
export const providers = [
  { name: 'Z-API', env: { SIMULATED_PROVIDER: 'zapi' } },
  { name: 'Wawp', env: { SIMULATED_PROVIDER: 'wawp' } },
] as const;

export { expect } from './fixtures';
