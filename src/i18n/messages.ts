import type { en } from './locales/en';
import type { enFirst } from './locales/en/first';
import type { enLater } from './locales/en/later';
import type { Locale } from './locales';

/** English defines the key set; every other locale must have exactly these keys (checked by tsc). */
export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
/** What the first screen says; the boot waits for this part only. */
export type FirstMessages = { readonly [K in keyof typeof enFirst]: string };
/** What every later screen says; its screens wait for it (src/app/all-messages.tsx). */
export type LaterMessages = { readonly [K in keyof typeof enLater]: string };

/** Each locale is two chunks, so the first load carries one language, and of it only the first screen's words. */
const firstLoaders: Record<Locale, () => Promise<FirstMessages>> = {
  en: () => import('./locales/en/first').then((module) => module.enFirst),
  'pt-BR': () => import('./locales/pt-br/first').then((module) => module.ptBRFirst),
  es: () => import('./locales/es/first').then((module) => module.esFirst),
};

const laterLoaders: Record<Locale, () => Promise<LaterMessages>> = {
  en: () => import('./locales/en/later').then((module) => module.enLater),
  'pt-BR': () => import('./locales/pt-br/later').then((module) => module.ptBRLater),
  es: () => import('./locales/es/later').then((module) => module.esLater),
};

export function loadFirstMessages(locale: Locale): Promise<FirstMessages> {
  return firstLoaders[locale]();
}

export function loadLaterMessages(locale: Locale): Promise<LaterMessages> {
  return laterLoaders[locale]();
}

/** A translation of one English part: the same keys, any words. */
export type Translation<T> = { readonly [K in keyof T]: string };
