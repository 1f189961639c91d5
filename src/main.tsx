import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { loadAllMessages } from './app/all-messages';
import { App } from './app/app';
import { startFirstScreen } from './app/first-screen';
import { isFramed, takeEmbedToken } from './embed/fragment';
import { restoreMode, restoreState, sessionStorageOrMemory, writeStoredMode, writeStoredState } from './flow/persistence';
import { isFreshStart } from './flow/state';
import { createFlowStore, createStore } from './flow/store';
import { pickLocale } from './i18n/locales';
import { loadFirstMessages } from './i18n/messages';
import './styles.css';

const DEMO = import.meta.env.MODE === 'demo';

// Before anything else runs: an embed token leaves the address (and history) at once.
const embedToken = takeEmbedToken();

async function boot(): Promise<void> {
  const locale = pickLocale(window.location.search, navigator.languages);
  const messagesLoading = loadFirstMessages(locale);
  if (DEMO) {
    // The demo answers every API call in the browser; this chunk never exists in the normal build.
    const { startDemoWorker } = await import('./mocks/browser');
    await startDemoWorker();
  }
  // A hand-off link: the number owner's page, its own chunk, instead of the console.
  if (location.hash.startsWith('#/handoff/')) {
    await import('./handoff/owner-boot');
    return;
  }
  if (isFramed() && !DEMO) {
    // Embedded in a portal: its own chunk, loaded only in a frame, alongside the locale.
    const [first, later, { bootEmbedded }] = await Promise.all([messagesLoading, loadAllMessages(locale), import('./embed/boot-embedded')]);
    const root = document.getElementById('root');
    if (!root) throw new Error('index.html has no #root');
    await bootEmbedded({ token: embedToken, locale, messages: { ...first, ...later }, root });
    return;
  }
  const storage = sessionStorageOrMemory();
  const store = createFlowStore(restoreState(storage, Date.now()), (state) => writeStoredState(storage, state));
  const queryClient = createQueryClient();
  // No request chain: the first screen's reads and chunks leave now, alongside the locale, and
  // it renders once they are in.
  // The later screens' words leave now too; only a journey under way (its screen is the first) waits for them.
  const laterMessages = loadAllMessages(locale).catch(() => undefined);
  const [messages] = await Promise.all([
    messagesLoading,
    startFirstScreen(queryClient, store),
    isFreshStart(store.getState()) ? undefined : laterMessages,
  ]);
  // After the start: a journey resumed from the proxy (begun in another browser) is where the console opens.
  const modes = createStore(restoreMode(storage, store.getState(), Date.now()), (mode) => writeStoredMode(storage, mode));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} store={store} modes={modes} locale={locale} messages={messages} demo={DEMO} />
    </StrictMode>,
  );
}

void boot();
