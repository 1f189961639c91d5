import { captchaDataUri } from './zapi/responses';

/**
 * The provider's pairing code in any of its spellings ("ABCD-1234", "abcd1234", "ABCD 1234") as
 * `XXXX-XXXX`; null when it is not 8 characters of WhatsApp's alphabet (PAIRING_ALPHABET), because then it is no code
 * the phone would accept and showing it would only send the operator into a failure.
 */
export function normalizePairingCode(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[1-9A-HJ-NP-TV-Z]{8}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** A QR as plain base64 or as a data URI, always as a PNG data URI; null for anything else. */
export function qrDataUri(raw: string): string | null {
  const uri = captchaDataUri(raw);
  return uri?.startsWith('data:image/png;base64,') ? uri : null;
}

/** The phone number as both providers want it: country code and national number, digits only. */
export function internationalDigits({ ddi, phone }: { ddi: string; phone: string }): string {
  return `${ddi}${phone}`;
}
