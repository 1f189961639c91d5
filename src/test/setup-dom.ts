import { cleanup, configure } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createMockApi } from '../mocks/api-handlers';

/**
 * Component tests talk to the same mock API as the demo: contract validation, the Z-API adapter and
 * the simulated provider, answered by MSW. An unexpected request or console.error fails the test.
 */
// Two cores run every test file at once: give `findBy…` time to see a slow render before failing.
configure({ asyncUtilTimeout: 5000 });

export const mockApi = { current: createMockApi() };
export const mockServer = setupServer();

beforeAll(() => {
  mockServer.listen({ onUnhandledRequest: 'error' });
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
