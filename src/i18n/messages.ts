import type { en } from './locales/en';
import type { Locale } from './locales';

/** English defines the key set; every other locale must have exactly these keys (checked by tsc). */
export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** Each locale is its own chunk, so the first load carries one language only. */
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./locales/en').then((module) => module.en),
  'pt-BR': () => import('./locales/pt-br').then((module) => module.ptBR),
  es: () => import('./locales/es').then((module) => module.es),
};

export function loadMessages(locale: Locale): Promise<Messages> {
  return loaders[locale]();
}

/** A translation of one English part: the same keys, any words. */
export type Translation<T> = { readonly [K in keyof T]: string };
