import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { ConnectedAtStart } from '../account/connected-at-start';
import { openingMode, type ModeState } from '../flow/mode';
import { createStore, type FlowStore, type Store } from '../flow/store';
import { I18nProvider, createI18n } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locales';
import { loadFirstMessages, type FirstMessages, type Messages } from '../i18n/messages';
import { loadAllMessages } from './all-messages';
import { StartChoice, startingMode, type StartMode } from '../linking/start-choice';
import { LazyRegistrationJourney } from '../steps/lazy-registration-journey';
import { CrashNotice } from './crash-notice';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';

export interface AppProps {
  queryClient: QueryClient;
  store: FlowStore;
  locale: Locale;
  /** The first screen's words at least; the later screens' come with them (src/app/all-messages.tsx). */
  messages: FirstMessages;
  demo: boolean;
  /**
   * Which way the operator took (register or link), kept by the boot in the tab's storage. Without it
   * the console starts in `startMode` (tests of the registration journey start past the choice).
   */
  modes?: Store<ModeState>;
  startMode?: StartMode;
  /** The page around the journey; the embedded console brings its own (src/embed). */
  shell?: ComponentType<{ children: ReactNode; demo: boolean }>;
}

export function App({
  queryClient,
  store,
  locale: initialLocale,
  messages: initialMessages,
  demo,
  modes: givenModes,
  startMode = 'choose',
  shell: Shell = Layout,
}: AppProps) {
  const [modes] = useState(() => givenModes ?? createStore(openingMode(startingMode(startMode), store.getState())));
  const [{ locale, messages }, setLanguage] = useState<{ locale: Locale; messages: Partial<Messages> }>({ locale: initialLocale, messages: initialMessages });

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const changeLocale = (next: Locale) => {
    // Both parts before the switch, so no screen waits for its words in the new language.
    void Promise.all([loadFirstMessages(next), loadAllMessages(next)]).then(([first, later]) => {
      setLanguage({ locale: next, messages: { ...first, ...later } });
      const url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(window.history.state, '', url);
    });
  };

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider value={createI18n(locale, messages, changeLocale)}>
        <Shell demo={demo}>
          <ErrorBoundary fallback={<CrashNotice />}>
            <ConnectedAtStart store={store}>
              <StartChoice modes={modes}>
                <LazyRegistrationJourney store={store} />
              </StartChoice>
            </ConnectedAtStart>
          </ErrorBoundary>
        </Shell>
      </I18nProvider>
    </QueryClientProvider>
  );
}
