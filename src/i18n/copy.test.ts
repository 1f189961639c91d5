import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { es } from './locales/es';
import { ptBR } from './locales/pt-br';

/** Wording rules that a reader of each language would trip over. */
describe('copy', () => {
  it('says "DDD" only in Portuguese, and only in sentences about Brazilian numbers', () => {
    const withDdd = (messages: Record<string, string>) => Object.keys(messages).filter((key) => messages[key]?.includes('DDD'));
    expect(withDdd(en)).toEqual([]);
    expect(withDdd(es)).toEqual([]);
    expect(withDdd(ptBR).sort()).toEqual(['phone.error.areaCode', 'phone.error.invalid.br', 'phone.error.length.br', 'phone.error.mobile', 'phone.number.br']);
  });

  it('never writes "de Brasil" in Portuguese (it is "do Brasil")', () => {
    expect(Object.values(ptBR).filter((text) => /\bde Brasil\b/.test(text))).toEqual([]);
  });

  it('speaks to the operator as "tú" throughout in Spanish, never "usted"', () => {
    const formal = /\b(Abra|Toque|Escriba|Pida|Elija|Escanee|apunte)\b/;
    expect(Object.entries(es).filter(([, text]) => formal.test(text))).toEqual([]);
  });

  it('never says the transfer screen moves on by itself', () => {
    for (const messages of [en, es, ptBR]) expect(messages['transfer.step3']).toContain(messages['transfer.accepted']);
  });
});
