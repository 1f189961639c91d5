import type { PhoneNumber } from '../../contract/common';
import type { MessageKey } from '../../i18n/messages';
import type { Country } from './countries';

/** Brazilian area codes (DDD) in use. */
const BRAZIL_AREA_CODES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48,
  49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89,
  91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

export type PhoneCheck = { ok: true; phone: PhoneNumber } | { ok: false; error: MessageKey; area?: string };

/**
 * Rejects numbers that cannot exist before anything is sent: wrong length for the country, an area
 * code Brazil does not have, an 11-digit Brazilian number without the mobile 9.
 */
export function validatePhone(country: Country, typed: string): PhoneCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, error: 'phone.error.required' };
  if (!/^[\d\s().-]+$/.test(text)) return { ok: false, error: 'phone.error.digits' };
  const national = text.replace(/\D/g, '');
  if (!country.lengths.includes(national.length)) return { ok: false, error: 'phone.error.length' };
  if (country.iso === 'BR') {
    const area = national.slice(0, 2);
    if (!BRAZIL_AREA_CODES.has(Number(area))) return { ok: false, error: 'phone.error.areaCode', area };
    if (national.length === 11 && national[2] !== '9') return { ok: false, error: 'phone.error.mobile' };
  }
  return { ok: true, phone: { ddi: country.ddi, phone: national } };
}
