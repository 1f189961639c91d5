import type { Locale } from '../locales';
import { partTranslator, type PartMessages, type PartTranslate } from '../part';
import { handoffEn } from './en';
import { handoffEs } from './es';
import { handoffPtBR } from './pt-br';

/** The hand-off page's and panel's words in the three languages; small, so they travel together in the part's chunk. */
const handoffMessages: Record<Locale, PartMessages<typeof handoffEn>> = { en: handoffEn, 'pt-BR': handoffPtBR, es: handoffEs };

export type HandoffTranslate = PartTranslate<typeof handoffEn>;
export const handoffTranslator = (locale: Locale): HandoffTranslate => partTranslator(handoffMessages[locale], locale);
export { handoffMessages };
