import { z } from 'zod/mini';

/**
 * Linking the instance as a device of the phone that has WhatsApp: by an 8-character pairing code
 * typed on the phone, or by a QR code scanned with it.
 */

/** WhatsApp's pairing-code alphabet (Crockford-style base32 without 0, I, O, U). */
export const PAIRING_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';

/** The code as the browser gets it: always `XXXX-XXXX`. */
export const pairingCodeTextSchema = z.string().check(z.regex(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/, 'must be XXXX-XXXX'));

/**
 * Neither provider says how long a code lives; WhatsApp closes the login socket 160 s after it
 * opened, so that is the longest a code can work.
 */
export const PAIRING_CODE_LIFETIME_SECONDS = 160;

/** WhatsApp replaces a QR every 20 s (Z-API's QR page). */
export const QR_LIFETIME_SECONDS = 20;

const lifetimeSchema = z.int().check(z.positive(), z.lte(600));

export const pairingCodeSchema = z.strictObject({
  code: pairingCodeTextSchema,
  /** Seconds from the answer until the code stops working. */
  expiresInSeconds: lifetimeSchema,
});
export type PairingCode = z.infer<typeof pairingCodeSchema>;

/** Only PNG data URIs reach an `<img>`: nothing the provider sends is used as a URL. */
export const qrImageSchema = z.string().check(z.maxLength(200_000), z.regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/));

export const qrCodeSchema = z.strictObject({
  image: qrImageSchema,
  expiresInSeconds: lifetimeSchema,
});
