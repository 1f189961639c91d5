import { describe, expect, it } from 'vitest';
import { countryByIso, splitInternational } from './countries';
import { validatePhone } from './validate-phone';

const brazil = countryByIso('BR');
const portugal = countryByIso('PT');
if (!brazil || !portugal) throw new Error('countries missing');

describe('phone validation', () => {
  it.each([
    ['11 98765-4321', '11987654321'],
    ['(44) 9999-9999', '4499999999'],
    ['11.98765.4321', '11987654321'],
  ])('accepts %s as %s', (typed, national) => {
    expect(validatePhone(brazil, typed)).toEqual({ ok: true, phone: { ddi: '55', phone: national } });
  });

  it.each([
    ['', 'phone.error.required'],
    ['11 9876', 'phone.error.length'],
    ['10 98765-4321', 'phone.error.areaCode'],
    ['11 88765-4321', 'phone.error.mobile'],
    ['+55 11 98765-4321', 'phone.error.digits'],
  ])('rejects %j with %s', (typed, error) => {
    expect(validatePhone(brazil, typed)).toMatchObject({ ok: false, error });
  });

  it('uses the lengths of the chosen country', () => {
    expect(validatePhone(portugal, '912 345 678')).toEqual({ ok: true, phone: { ddi: '351', phone: '912345678' } });
    expect(validatePhone(portugal, '11 98765-4321')).toMatchObject({ ok: false, error: 'phone.error.length' });
  });

  it('splits a pasted international number by the longest calling code', () => {
    expect(splitInternational('+351 912 345 678')).toMatchObject({ country: { iso: 'PT' }, national: '912345678' });
    expect(splitInternational('+55 (11) 98765-4321')).toMatchObject({ country: { iso: 'BR' }, national: '11987654321' });
    expect(splitInternational('11 98765-4321')).toBeNull();
  });
});
