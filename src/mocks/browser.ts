import { setupWorker } from 'msw/browser';
import { createMockApi } from './api-handlers';

export async function startDemoWorker(): Promise<void> {
  const { handlers } = createMockApi();
  await setupWorker(...handlers).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
