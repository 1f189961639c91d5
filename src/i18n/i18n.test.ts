import { describe, expect, it } from 'vitest';
import { formatClock, formatPhone } from './clock-and-phone';
import { interpolate, splitTemplate } from './format';
import { matchLocale, pickLocale } from './locales';
import { en } from './locales/en';
import { es } from './locales/es';
import { ptBR } from './locales/pt-br';

describe('locale choice', () => {
  it('takes ?lang= first, then the browser languages, then English', () => {
    expect(pickLocale('?lang=es', ['pt-BR'])).toBe('es');
    expect(pickLocale('?lang=pt', ['en'])).toBe('pt-BR');
    expect(pickLocale('?lang=xx', ['fr-FR', 'es-MX'])).toBe('es');
    expect(pickLocale('', ['de-DE'])).toBe('en');
  });

  it.each([
    ['PT_br', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es-419', 'es'],
    ['en-GB', 'en'],
    ['fr', null],
  ])('matches %s to %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });
});

describe('messages', () => {
  it('has the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const other of [ptBR, es]) {
      const translated = new Map(Object.entries(other));
      for (const [key, english] of Object.entries(en)) {
        expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(english));
      }
    }
  });

  it('leaves no message empty or untranslated by accident', () => {
    for (const messages of [en, ptBR, es]) for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
    const portuguese = new Map(Object.entries(ptBR));
    const same = Object.entries(en).filter(([key, english]) => portuguese.get(key) === english);
    expect(same).toEqual([]);
  });
});

describe('formatting', () => {
  it('fills placeholders, numbers the locale’s way', () => {
    expect(interpolate('Wait {n} s, {who}', { n: 1500, who: 'Ana' }, 'pt-BR')).toBe('Wait 1.500 s, Ana');
    expect(interpolate('{missing}', {}, 'en')).toBe('{missing}');
  });

  it('splits a template around its placeholders', () => {
    expect(splitTemplate('Sent to {phone}.')).toEqual([{ text: 'Sent to ' }, { param: 'phone' }, { text: '.' }]);
  });

  it('draws countdowns as m:ss and h:mm:ss', () => {
    expect(formatClock(90, 'en')).toBe('1:30');
    expect(formatClock(0.2, 'en')).toBe('0:01');
    expect(formatClock(3600, 'es')).toBe('1:00:00');
  });

  it('writes phone numbers the way people read them', () => {
    expect(formatPhone({ ddi: '55', phone: '11987654321' })).toBe('+55 11 98765-4321');
    expect(formatPhone({ ddi: '55', phone: '4499999999' })).toBe('+55 44 9999-9999');
    expect(formatPhone({ ddi: '351', phone: '912345678' })).toBe('+351 912 345 678');
  });
});
