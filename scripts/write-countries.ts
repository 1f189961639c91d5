import { writeFileSync } from 'node:fs';
import { countryTable } from './country-table';

/**
 * Writes src/steps/phone/country-data.ts: every country libphonenumber-js knows, with its calling
 * code, the lengths of its national numbers and an example mobile number. The browser gets this
 * table only (a few KB in the phone step's chunk); the full metadata stays in the proxy, which
 * validates each number before the provider sees it (src/server/guards/phone-numbers.ts).
 */
const target = 'src/steps/phone/country-data.ts';
writeFileSync(target, countryTable());
console.log(`wrote ${target}`);
