import { z } from 'zod/mini';
import { sixDigitsSchema } from './common';

/*
 * Account security after connecting: the account's e-mail and two-step PIN, and the data of the
 * connected device. E-mail addresses and PINs are secrets to the proxy: never logged, never kept.
 */

/**
 * The shape of an address, checked on the field and again by the proxy: a name, one "@" and a
 * domain, no spaces. Whether WhatsApp takes it is the provider's call (answered as `invalid-email`).
 */
export const emailAddressSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'required'), z.maxLength(254, 'too long'), z.regex(/^[^\s@]+@[^\s@]+$/, 'not an address'));

/* ----- requests ----- */

export const setEmailRequestSchema = z.strictObject({ email: emailAddressSchema });

/** The code WhatsApp mailed to the new address. */
export const verifyEmailRequestSchema = z.strictObject({ code: sixDigitsSchema });

export const setPinRequestSchema = z.strictObject({ pin: sixDigitsSchema });

/* ----- responses ----- */

export const accountEmailSchema = z.discriminatedUnion('hasEmail', [
  z.strictObject({ hasEmail: z.literal(false) }),
  z.strictObject({ hasEmail: z.literal(true), email: z.string().check(z.minLength(1), z.maxLength(254)), verified: z.boolean() }),
]);
export type AccountEmail = z.infer<typeof accountEmailSchema>;

export const setEmailResultSchema = z.discriminatedUnion('outcome', [
  /** WhatsApp mailed a code to the address; it counts once verified. */
  z.strictObject({ outcome: z.literal('verification-sent') }),
  /** Saved with no verification asked. */
  z.strictObject({ outcome: z.literal('saved') }),
  /** WhatsApp refused the address itself. */
  z.strictObject({ outcome: z.literal('invalid-email') }),
]);

export const verifyEmailResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('verified') }),
  /** Wrong or expired code. */
  z.strictObject({ outcome: z.literal('wrong-code') }),
]);

export const removedResultSchema = z.strictObject({ outcome: z.literal('removed') });

export const pinStatusSchema = z.strictObject({ hasPin: z.boolean() });
export type PinStatus = z.infer<typeof pinStatusSchema>;

export const setPinResultSchema = z.strictObject({ outcome: z.literal('saved') });

/** What kind of phone WhatsApp ran on before it moved to this instance. */
export const devicePlatformSchema = z.enum(['android', 'iphone', 'android-business', 'iphone-business', 'unknown']);
export type DevicePlatform = z.infer<typeof devicePlatformSchema>;

export const deviceSchema = z.strictObject({
  /** Country code and number, digits only, as the provider reports it; null when it did not. */
  phone: z.nullable(z.string().check(z.regex(/^\d{8,18}$/))),
  /** The profile name and "about" text the account shows to contacts. */
  name: z.nullable(z.string().check(z.maxLength(256))),
  about: z.nullable(z.string().check(z.maxLength(1024))),
  platform: devicePlatformSchema,
  business: z.nullable(z.boolean()),
});
export type Device = z.infer<typeof deviceSchema>;
