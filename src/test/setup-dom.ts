import { cleanup, configure } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { loadConnectedScreen } from '../account/lazy-connected-screen';
import { loadHandoffPanel } from '../handoff/lazy-handoff-panel';
import { loadAllMessages } from '../app/all-messages';
import { loadLinking } from '../linking/lazy-linking';
import { createMockApi } from '../mocks/api-handlers';
import { loadRegistrationJourney } from '../steps/lazy-registration-journey';
import { loadWhatHappened } from '../timeline/lazy-what-happened';

/**
 * Component tests talk to the same mock API as the demo: contract validation, the Z-API adapter and
 * the simulated provider, answered by MSW. An unexpected request or console.error fails the test.
 */
// Two cores run every test file at once: give `findBy…` time to see a slow render before failing.
configure({ asyncUtilTimeout: 5000 });

export const mockApi = { current: createMockApi() };
export const mockServer = setupServer();

beforeAll(async () => {
  mockServer.listen({ onUnhandledRequest: 'error' });
  // The console fetches its lazy chunks and later words at boot (src/app/first-screen.ts); so do the tests, before
  // the first render, so a screen renders as soon as it is chosen, as it does in the browser.
  await Promise.all([loadRegistrationJourney(), loadLinking(), loadConnectedScreen(), loadHandoffPanel(), loadWhatHappened(), loadAllMessages('en')]);
});

beforeEach(() => {
  mockApi.current = createMockApi();
  mockServer.resetHandlers(...mockApi.current.handlers);
  window.sessionStorage.clear();
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

afterAll(() => {
  mockServer.close();
});
