import { describe, expect, it } from 'vitest';
import { embedMessages } from './embed';
import { handoffMessages } from './handoff';
import { timelineMessages } from './timeline';

const parts = { embed: embedMessages, handoff: handoffMessages, timeline: timelineMessages };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(Object.entries(parts))('the %s part’s messages', (_name, messages) => {
  it('have the same placeholders in every language, none empty', () => {
    for (const locale of ['pt-BR', 'es'] as const) {
      const translated = new Map(Object.entries(messages[locale]));
      for (const [key, english] of Object.entries(messages.en)) {
        expect(placeholders(translated.get(key) ?? ''), `${locale} ${key}`).toEqual(placeholders(english));
        expect((translated.get(key) ?? '').trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('are translated: no Portuguese message left in English by accident', () => {
    const portuguese = new Map(Object.entries(messages['pt-BR']));
    const same = Object.entries(messages.en).filter(([key, english]) => portuguese.get(key) === english);
    expect(same).toEqual([]);
  });
});
