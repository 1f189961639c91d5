import { z } from 'zod/mini';

/*
 * The contract is written with `zod/mini`: the browser bundles only the checks it uses. The proxy
 * parses with the same schemas (safeParse, toJSONSchema and z.infer work on both flavours).
 */

/** Country calling code without "+", e.g. "55". */
export const ddiSchema = z.string().check(z.regex(/^[1-9]\d{0,2}$/, 'ddi must be 1 to 3 digits, not starting with 0'));

/** National number with area code, digits only, e.g. "11987654321". */
export const nationalNumberSchema = z.string().check(z.regex(/^\d{8,15}$/, 'phone must be 8 to 15 digits'));

export const phoneNumberSchema = z.strictObject({
  ddi: ddiSchema,
  phone: nationalNumberSchema,
});
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;

export const deliveryMethodSchema = z.enum(['sms', 'voice', 'wa_old']);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;
export const deliveryMethods = deliveryMethodSchema.options;

/** A 6-digit secret: registration code, two-step PIN, e-mail verification code. */
export const sixDigitsSchema = z.string().check(z.regex(/^\d{6}$/, 'must be exactly 6 digits'));

/** The longest wait any answer may carry: a day. Anything longer is a broken answer, not a wait. */
export const MAX_WAIT_SECONDS = 86_400;

/** Seconds until something may be tried again: 0 (now) to a day. */
export const retryAfterSecondsSchema = z.int().check(z.gte(0), z.lte(MAX_WAIT_SECONDS));

/**
 * Seconds to wait before a method may be requested. 0 means now; -1 means the method is
 * unavailable for this number at the moment. Bounded, so a broken answer never reaches a countdown.
 */
export const waitSecondsSchema = z.int().check(z.gte(-1), z.lte(MAX_WAIT_SECONDS));

export const methodWaitsSchema = z.strictObject({
  sms: waitSecondsSchema,
  voice: waitSecondsSchema,
  wa_old: waitSecondsSchema,
});
export type MethodWaits = z.infer<typeof methodWaitsSchema>;

export const emptyRequestSchema = z.strictObject({});

/**
 * Reasons a number cannot register now. The provider's raw `reason` text is mapped onto this list;
 * anything not listed becomes `unknown`, so no provider wording reaches the browser.
 */
export const unavailableReasonSchema = z.enum([
  'temporarily_unavailable',
  'too_many',
  'too_many_all_methods',
  'no_routes',
  'unknown',
]);
export type UnavailableReason = z.infer<typeof unavailableReasonSchema>;

/** `data:image/png;base64,…` — always a data URI, whatever the provider sent. */
export const captchaImageSchema = z.string().check(z.regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/));
