import { createContext, useContext, type ReactNode } from 'react';
import { interpolate, splitTemplate } from './format';
import type { Locale } from './locales';
import type { MessageKey, Messages } from './messages';

export interface I18n {
  locale: Locale;
  /** The messages loaded so far: the first screen's, then every screen's (src/app/all-messages.tsx). */
  messages: Partial<Messages>;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Like `t`, with elements allowed in the placeholders. */
  rich: (key: MessageKey, params: Record<string, ReactNode>) => ReactNode;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function createI18n(locale: Locale, messages: Partial<Messages>, setLocale: (locale: Locale) => void): I18n {
  const message = (key: MessageKey): string => {
    const text = messages[key];
    // A later screen's words before its part arrived: a screen outside <AllMessages>, a bug to see at once.
    if (text === undefined) throw new Error(`The message "${key}" is not loaded`);
    return text;
  };
  return {
    locale,
    messages,
    setLocale,
    t: (key, params = {}) => interpolate(message(key), params, locale),
    rich: (key, params) =>
      splitTemplate(message(key)).map((part, index) => {
        if ('text' in part) return part.text;
        const value = params[part.param];
        return value === undefined ? `{${part.param}}` : <span key={index}>{value}</span>;
      }),
  };
}

export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}
