export const locales = ['pt-BR', 'en', 'es'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** `pt`, `pt-br`, `PT_BR`, `es-MX`… → the closest supported locale, or null. */
export function matchLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().replace('_', '-').split('-')[0];
  if (language === 'pt') return 'pt-BR';
  if (language === 'es') return 'es';
  if (language === 'en') return 'en';
  return null;
}

/** `?lang=` wins; otherwise the browser's preferred languages in order; otherwise English. */
export function pickLocale(search: string, preferred: readonly string[]): Locale {
  const requested = new URLSearchParams(search).get('lang');
  const fromQuery = requested ? matchLocale(requested) : null;
  if (fromQuery) return fromQuery;
  for (const tag of preferred) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return defaultLocale;
}
