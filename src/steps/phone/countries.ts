/**
 * Countries offered in the phone step, with the length of their national numbers (area code
 * included, as the provider wants them). Names come from Intl.DisplayNames in the page's language.
 */
export interface Country {
  iso: string;
  ddi: string;
  lengths: readonly number[];
  example: string;
}

export const countries: readonly Country[] = [
  { iso: 'BR', ddi: '55', lengths: [10, 11], example: '11 98765-4321' },
  { iso: 'PT', ddi: '351', lengths: [9], example: '912 345 678' },
  { iso: 'AO', ddi: '244', lengths: [9], example: '923 123 456' },
  { iso: 'MZ', ddi: '258', lengths: [9], example: '82 123 4567' },
  { iso: 'AR', ddi: '54', lengths: [10, 11], example: '9 11 2345-6789' },
  { iso: 'BO', ddi: '591', lengths: [8], example: '71234567' },
  { iso: 'CL', ddi: '56', lengths: [9], example: '9 6123 4567' },
  { iso: 'CO', ddi: '57', lengths: [10], example: '321 1234567' },
  { iso: 'EC', ddi: '593', lengths: [9], example: '99 123 4567' },
  { iso: 'ES', ddi: '34', lengths: [9], example: '612 34 56 78' },
  { iso: 'MX', ddi: '52', lengths: [10], example: '55 1234 5678' },
  { iso: 'PY', ddi: '595', lengths: [9], example: '961 456789' },
  { iso: 'PE', ddi: '51', lengths: [9], example: '912 345 678' },
  { iso: 'UY', ddi: '598', lengths: [8], example: '94 231 234' },
  { iso: 'VE', ddi: '58', lengths: [10], example: '412 1234567' },
  { iso: 'US', ddi: '1', lengths: [10], example: '201 555 0123' },
  { iso: 'GB', ddi: '44', lengths: [10], example: '7400 123456' },
  { iso: 'DE', ddi: '49', lengths: [10, 11], example: '1512 3456789' },
  { iso: 'FR', ddi: '33', lengths: [9], example: '6 12 34 56 78' },
  { iso: 'IT', ddi: '39', lengths: [9, 10], example: '312 345 6789' },
  { iso: 'IN', ddi: '91', lengths: [10], example: '81234 56789' },
];

export const defaultCountry: Country = countries[0] ?? { iso: 'BR', ddi: '55', lengths: [10, 11], example: '11 98765-4321' };

export function countryByIso(iso: string): Country | undefined {
  return countries.find((country) => country.iso === iso);
}

/**
 * "+55 11 98765-4321" pasted into the number field: the longest calling code that matches picks the
 * country and the rest is the national number.
 */
export function splitInternational(text: string): { country: Country; national: string } | null {
  if (!text.trim().startsWith('+')) return null;
  const digits = text.replace(/\D/g, '');
  const match = [...countries]
    .sort((a, b) => b.ddi.length - a.ddi.length)
    .find((country) => digits.startsWith(country.ddi));
  return match ? { country: match, national: digits.slice(match.ddi.length) } : null;
}
