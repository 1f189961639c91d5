import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/app';
import { startFirstScreen } from '../app/first-screen';
import { restoreMode, restoreState, sessionStorageOrMemory, writeStoredMode, writeStoredState } from '../flow/persistence';
import { dispatcher } from '../flow/dispatch';
import { createFlowStore, createStore } from '../flow/store';
import { I18nProvider, createI18n } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/messages';
import { EmbeddedContext } from '../ui/embedded-context';
import { createBridge, type Bridge } from './bridge';
import { exchangeToken, startEmbedSession } from './embed-session';
import { createEmbeddedLayout, EmbedUnavailable } from './embedded-layout';
import { namespacedStorage } from './namespaced-storage';
import { applyTheme } from './theme';

export interface EmbeddedBoot {
  token: string | null;
  locale: Locale;
  messages: Messages;
  root: HTMLElement;
}

/**
 * The console in a portal's frame (this chunk loads only there). The token is exchanged before
 * anything renders, because the answer names the one origin the console may talk to.
 */
export async function bootEmbedded({ token, locale, messages, root }: EmbeddedBoot): Promise<void> {
  const answer = token ? await exchangeToken(token) : null;
  if (!answer) {
    createRoot(root).render(
      <StrictMode>
        <I18nProvider value={createI18n(locale, messages, () => undefined)}>
          <EmbedUnavailable />
        </I18nProvider>
      </StrictMode>,
    );
    return;
  }

  let bridge: Bridge | null = null;
  const session = startEmbedSession(answer, () => bridge?.post({ type: 'token-expired' }));
  const storage = namespacedStorage(sessionStorageOrMemory(), answer.instance);
  const store = createFlowStore(restoreState(storage, Date.now()), (state) => writeStoredState(storage, state));
  const localeListeners = new Set<(locale: Locale) => void>();

  bridge = createBridge(window, answer.parentOrigin, (message) => {
    switch (message.type) {
      case 'token':
        // The operator repeats the action that failed; nothing is re-sent by itself.
        void session.renew(message.token).then((renewed) => {
          if (!renewed) bridge?.post({ type: 'token-expired' });
        });
        return;
      case 'theme':
        applyTheme(document.documentElement, message.theme);
        return;
      case 'locale':
        for (const listener of localeListeners) listener(message.locale);
        return;
      case 'reset':
        dispatcher(store)({ type: 'START_OVER' });
        return;
    }
  });

  const layout = createEmbeddedLayout({
    bridge,
    session,
    store,
    onLocale: (listener) => {
      localeListeners.add(listener);
      return () => localeListeners.delete(listener);
    },
  });
  const queryClient = createQueryClient();
  await startFirstScreen(queryClient, store);
  // After the start: a journey resumed from the proxy (begun in another browser) is where the console opens.
  const modes = createStore(restoreMode(storage, store.getState(), Date.now()), (mode) => writeStoredMode(storage, mode));
  createRoot(root).render(
    <StrictMode>
      <EmbeddedContext.Provider value={true}>
        <App queryClient={queryClient} store={store} modes={modes} locale={locale} messages={messages} demo={false} shell={layout} />
      </EmbeddedContext.Provider>
    </StrictMode>,
  );
}
