import { z } from 'zod/mini';
import {
  deliveryMethodSchema,
  retryAfterSecondsSchema,
  methodWaitsSchema,
  phoneNumberSchema,
  sixDigitsSchema,
  captchaImageSchema,
  unavailableReasonSchema,
} from './common';

/* ----- requests ----- */

export const availabilityRequestSchema = phoneNumberSchema;

export const codeRequestSchema = z.strictObject({
  ...phoneNumberSchema.shape,
  method: deliveryMethodSchema,
});

/** What the operator read in the captcha image. */
export const captchaAnswerSchema = z.strictObject({
  answer: z.string().check(z.trim(), z.minLength(1), z.maxLength(32), z.regex(/^[0-9A-Za-z]+$/, 'letters and digits only')),
});

export const codeConfirmationSchema = z.strictObject({ code: sixDigitsSchema });
export const pinConfirmationSchema = z.strictObject({ pin: sixDigitsSchema });

export const appealRequestSchema = z.strictObject({
  description: z.string().check(z.trim(), z.minLength(20, 'at least 20 characters'), z.maxLength(1000, 'at most 1000 characters')),
});

/* ----- responses ----- */

export const availabilityResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('available'),
    waits: methodWaitsSchema,
    waOldEligible: z.boolean(),
  }),
  /** Banned, and an appeal is possible. The appeal token stays on the server. */
  z.strictObject({ outcome: z.literal('banned') }),
  /** Banned or blocked with no appeal possible. */
  z.strictObject({ outcome: z.literal('blocked') }),
  z.strictObject({
    outcome: z.literal('unavailable'),
    reason: unavailableReasonSchema,
    /** Longest provider wait, when it said one; null when it did not. */
    retryAfterSeconds: z.nullable(retryAfterSecondsSchema),
  }),
]);
export type AvailabilityResult = z.infer<typeof availabilityResultSchema>;

export const codeRequestResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('sent'),
    method: deliveryMethodSchema,
    retryAfterSeconds: retryAfterSecondsSchema,
    waits: methodWaitsSchema,
  }),
  z.strictObject({ outcome: z.literal('captcha'), image: captchaImageSchema }),
  z.strictObject({ outcome: z.literal('blocked') }),
  /** Not sent (usually a cooldown); the waits say when each method may be tried. */
  z.strictObject({
    outcome: z.literal('not-sent'),
    retryAfterSeconds: retryAfterSecondsSchema,
    waits: methodWaitsSchema,
  }),
]);
export type CodeRequestResult = z.infer<typeof codeRequestResultSchema>;

export const captchaResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('accepted') }),
  /** Wrong answer. `image` is a fresh captcha when the provider sent one. */
  z.strictObject({ outcome: z.literal('rejected'), image: z.nullable(captchaImageSchema) }),
]);
export type CaptchaResult = z.infer<typeof captchaResultSchema>;

export const codeConfirmationResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('connected') }),
  z.strictObject({ outcome: z.literal('pin-required') }),
  z.strictObject({ outcome: z.literal('transfer-required') }),
  z.strictObject({ outcome: z.literal('wrong-code') }),
]);
export type CodeConfirmationResult = z.infer<typeof codeConfirmationResultSchema>;

export const pinConfirmationResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('connected') }),
  z.strictObject({ outcome: z.literal('transfer-required') }),
  z.strictObject({ outcome: z.literal('wrong-pin') }),
]);
export type PinConfirmationResult = z.infer<typeof pinConfirmationResultSchema>;

export const pinRecoveryResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('email-sent') }),
  z.strictObject({ outcome: z.literal('no-email') }),
]);
export type PinRecoveryResult = z.infer<typeof pinRecoveryResultSchema>;

export const transferConfirmationResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('connected') }),
  z.strictObject({ outcome: z.literal('not-accepted-yet') }),
]);
export type TransferConfirmationResult = z.infer<typeof transferConfirmationResultSchema>;

export const appealResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('in-review') }),
  z.strictObject({ outcome: z.literal('unbanned') }),
  z.strictObject({ outcome: z.literal('rejected') }),
]);
export type AppealResult = z.infer<typeof appealResultSchema>;
