import { interpolate } from './format';
import type { Locale } from './locales';

/**
 * Messages of a part loaded later (the hand-off page and panel, the timeline): English defines the
 * keys, and each translation has exactly those keys (checked by tsc). They travel in the part's own
 * chunk, so the first screen's locale chunk does not grow with them.
 */
export type PartMessages<T> = { readonly [K in keyof T]: string };

export type PartTranslate<T> = (key: keyof T & string, params?: Record<string, string | number>) => string;

export function partTranslator<T>(messages: PartMessages<T>, locale: Locale): PartTranslate<T> {
  return (key, params = {}) => interpolate(messages[key], params, locale);
}
