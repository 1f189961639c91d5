import { readFileSync } from 'node:fs';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { countryTable } from '../../../scripts/country-table';
import { countries, countryByDdi, countryChoices, defaultCountry, splitInternational } from './countries';

const namesIn = (locale: string) => {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (iso: string) => names.of(iso) ?? iso;
};

describe('the countries of the phone step', () => {
  it('are every country libphonenumber-js knows, each with its calling code', () => {
    expect(countries.map((country) => country.iso).sort()).toEqual([...getCountries()].sort());
    expect(countries.length).toBeGreaterThan(240);
    for (const iso of getCountries()) {
      const country = countries.find((candidate) => candidate.iso === iso);
      expect(country?.ddi).toBe(getCountryCallingCode(iso));
      expect(country?.lengths.length).toBeGreaterThan(0);
    }
  });

  it('are the table `npm run countries` writes from the installed metadata (an update rewrites it)', () => {
    expect(readFileSync('src/steps/phone/country-data.ts', 'utf8')).toBe(countryTable());
  });

  it('put Brazil first by default, the rest by name in the page language', () => {
    expect(defaultCountry.iso).toBe('BR');
    const english = countryChoices(namesIn('en'), 'en', '');
    expect(english.slice(0, 3).map((country) => country.iso)).toEqual(['BR', 'AF', 'AX']);
    const portuguese = countryChoices(namesIn('pt-BR'), 'pt-BR', '').map((country) => country.iso);
    expect(portuguese[0]).toBe('BR');
    // Germany is "Alemanha" in Portuguese: before Argentina.
    expect(portuguese.indexOf('DE')).toBeLessThan(portuguese.indexOf('AR'));
    expect(portuguese).toHaveLength(countries.length);
  });

  it('find a country by part of its name, ignoring accents and case', () => {
    expect(countryChoices(namesIn('en'), 'en', 'portu').map((country) => country.iso)).toEqual(['PT']);
    expect(countryChoices(namesIn('pt-BR'), 'pt-BR', 'mexico').map((country) => country.iso)).toEqual(['MX']);
    expect(countryChoices(namesIn('es'), 'es', 'ESPAÑA').map((country) => country.iso)).toEqual(['ES']);
    expect(countryChoices(namesIn('en'), 'en', 'brazil')[0]?.iso).toBe('BR');
    expect(countryChoices(namesIn('en'), 'en', 'zzzz')).toEqual([]);
  });

  it('find countries by calling code, with or without "+"', () => {
    expect(countryChoices(namesIn('en'), 'en', '+351').map((country) => country.iso)).toEqual(['PT']);
    expect(countryChoices(namesIn('en'), 'en', '55').map((country) => country.iso)).toEqual(['BR']);
    const plusOne = countryChoices(namesIn('en'), 'en', '+1').map((country) => country.iso);
    expect(plusOne).toEqual(expect.arrayContaining(['US', 'CA', 'JM']));
    expect(plusOne.every((iso) => countries.find((country) => country.iso === iso)?.ddi.startsWith('1'))).toBe(true);
  });

  it('take the main country of a shared calling code for a pasted or stored number', () => {
    expect(splitInternational('+1 (201) 555-0123')).toMatchObject({ country: { iso: 'US' }, national: '2015550123' });
    expect(splitInternational('+44 7400 123456')).toMatchObject({ country: { iso: 'GB' }, national: '7400123456' });
    expect(splitInternational('+7 912 345 67 89')).toMatchObject({ country: { iso: 'RU' } });
    expect(countryByDdi('1')?.iso).toBe('US');
    expect(countryByDdi('55')?.iso).toBe('BR');
  });
});
