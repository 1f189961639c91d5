import type { Locale } from '../locales';
import { partTranslator, type PartMessages, type PartTranslate } from '../part';
import { timelineEn } from './en';
import { timelineEs } from './es';
import { timelinePtBR } from './pt-br';

const timelineMessages: Record<Locale, PartMessages<typeof timelineEn>> = { en: timelineEn, 'pt-BR': timelinePtBR, es: timelineEs };

export type TimelineTranslate = PartTranslate<typeof timelineEn>;
export type TimelineMessageKey = keyof typeof timelineEn;
export const timelineTranslator = (locale: Locale): TimelineTranslate => partTranslator(timelineMessages[locale], locale);
export { timelineMessages };
