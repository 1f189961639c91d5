import type { Locale } from '../locales';
import { partTranslator, type PartMessages, type PartTranslate } from '../part';
import { embedEn } from './en';
import { embedEs } from './es';
import { embedPtBR } from './pt-br';

const embedMessages: Record<Locale, PartMessages<typeof embedEn>> = { en: embedEn, 'pt-BR': embedPtBR, es: embedEs };

export const embedTranslator = (locale: Locale): PartTranslate<typeof embedEn> => partTranslator(embedMessages[locale], locale);
export { embedMessages };
