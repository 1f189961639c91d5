import { Metadata, getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import metadataJson from 'libphonenumber-js/metadata.max.json';

/** The text of src/steps/phone/country-data.ts, from the installed libphonenumber-js metadata. */
export function countryTable(): string {
  const metadata = new Metadata();
  const known = new Set<string>(getCountries());
  // By calling code, its main country first (+1: the US, +44: the UK, +7: Russia), as libphonenumber lists them.
  const ordered = Object.entries(metadataJson.country_calling_codes)
    .sort(([a], [b]) => Number(a) - Number(b))
    .flatMap(([, isos]) => isos.filter((iso) => known.has(iso)));
  const rows = getCountries()
    .sort((a, b) => ordered.indexOf(a) - ordered.indexOf(b))
    .map((iso) => {
    metadata.selectNumberingPlan(iso);
    const possible = metadata.numberingPlan?.possibleLengths() ?? [];
    // Brazil's 8- and 9-digit numbers are local dialling without the DDD, which the provider needs.
    const lengths = iso === 'BR' ? possible.filter((length) => length >= 10) : possible;
    const ddi = getCountryCallingCode(iso);
    const number = getExampleNumber(iso, examples);
    // The national form as people write it, unless it adds a trunk prefix ("07400…") that is not part of the number.
    const national = number?.formatNational() ?? '';
    const example = national.replace(/\D/g, '') === number?.nationalNumber ? national : (number?.formatInternational().replace(`+${ddi}`, '').trim() ?? '');
    return `${iso}|${ddi}|${compactLengths(lengths)}|${example}`;
    });
  return [
    '// Written by `npm run countries` (scripts/write-countries.ts) from libphonenumber-js; do not edit by hand.',
    '/** One country a line, by calling code, the main country of a shared code first: ISO code | calling code | lengths of a national number ("4-6" is 4, 5 and 6) | an example mobile number. */',
    `export const countryRows = \`${rows.join('\n')}\`;`,
    '',
  ].join('\n');
}

/** [4, 5, 6, 9] → "4-6,9". */
function compactLengths(lengths: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const length of lengths) {
    const last = runs.at(-1);
    if (last && length === last[1] + 1) last[1] = length;
    else runs.push([length, length]);
  }
  return runs.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(',');
}
