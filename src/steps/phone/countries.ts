import { countryRows } from './country-data';

/**
 * Every country the phone step offers, with its calling code and the lengths of its national
 * numbers (area code included, as the provider wants them). Names come from Intl.DisplayNames in the
 * page's language; the proxy checks each number against the full metadata.
 */
export interface Country {
  iso: string;
  ddi: string;
  lengths: readonly number[];
  example: string;
}

function parseRow(row: string): Country {
  const [iso = '', ddi = '', lengths = '', example = ''] = row.split('|');
  return { iso, ddi, lengths: lengths.split(',').flatMap(expandLengths), example };
}

/** "4-6" → [4, 5, 6]. */
function expandLengths(range: string): number[] {
  const [from = 0, to = from] = range.split('-').map(Number);
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** By calling code, the main country of a shared code first (+1: the United States). */
export const countries: readonly Country[] = countryRows.split('\n').map(parseRow);

const brazil: Country = { iso: 'BR', ddi: '55', lengths: [10, 11], example: '(11) 96123-4567' };
export const defaultCountry: Country = countries.find((country) => country.iso === 'BR') ?? brazil;

export function countryByIso(iso: string): Country | undefined {
  return countries.find((country) => country.iso === iso);
}

/** The country of a number already chosen: the main country of its calling code. */
export function countryByDdi(ddi: string): Country | undefined {
  return countries.find((country) => country.ddi === ddi);
}

/**
 * The list as the operator sees it: Brazil first, the rest by name in the page's language; a
 * search keeps the countries whose name contains it (accents and case aside) or, for digits (with
 * or without "+"), whose calling code starts with them.
 */
export function countryChoices(nameOf: (iso: string) => string, locale: string, search: string): Country[] {
  const query = plain(search.trim());
  const digits = /^\+?\d+$/.test(query) ? query.replace('+', '') : null;
  const matches = countries.filter((country) => {
    if (query === '') return true;
    if (digits !== null) return country.ddi.startsWith(digits);
    return plain(nameOf(country.iso)).includes(query) || country.iso.toLowerCase() === query;
  });
  const byName = (a: Country, b: Country) => nameOf(a.iso).localeCompare(nameOf(b.iso), locale);
  return [...matches.filter((country) => country.iso === 'BR'), ...matches.filter((country) => country.iso !== 'BR').sort(byName)];
}

function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * "+55 11 98765-4321" pasted into the number field: the longest calling code that matches picks the
 * country (the main one of a shared code) and the rest is the national number.
 */
export function splitInternational(text: string): { country: Country; national: string } | null {
  if (!text.trim().startsWith('+')) return null;
  const digits = text.replace(/\D/g, '');
  const match = [...countries]
    .sort((a, b) => b.ddi.length - a.ddi.length)
    .find((country) => digits.startsWith(country.ddi));
  return match ? { country: match, national: digits.slice(match.ddi.length) } : null;
}
