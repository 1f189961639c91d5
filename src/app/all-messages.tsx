import { use, useMemo, type ReactNode } from 'react';
import { I18nProvider, createI18n, useI18n } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locales';
import { loadLaterMessages, type LaterMessages } from '../i18n/messages';
import { preloadable } from './preloadable';

const later: Record<Locale, () => Promise<LaterMessages>> = {
  en: preloadable(() => loadLaterMessages('en')),
  'pt-BR': preloadable(() => loadLaterMessages('pt-BR')),
  es: preloadable(() => loadLaterMessages('es')),
};

/**
 * The words of every screen after the first, fetched once per language: the boot asks for them
 * beside the screens' chunks, and a change of language before it switches.
 */
export function loadAllMessages(locale: Locale): Promise<LaterMessages> {
  return later[locale]();
}

/**
 * Around each lazy screen, inside its Suspense: the screen renders once its words are in (at once
 * when the boot's fetch has arrived), with every message of the current language.
 */
export function AllMessages({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const rest = use(loadAllMessages(i18n.locale));
  const value = useMemo(() => createI18n(i18n.locale, { ...i18n.messages, ...rest }, i18n.setLocale), [i18n, rest]);
  return <I18nProvider value={value}>{children}</I18nProvider>;
}
