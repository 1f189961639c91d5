import { z } from 'zod/mini';
import { flowErrorSchema } from '../flow/state';
import { locales } from '../i18n/locales';

/**
 * The postMessage contract between the console (in the frame) and the portal (its parent), version 1.
 * Every message is `{ v: 1, type, … }`; anything else is ignored. Documented in docs/embedding.md.
 */
export const MESSAGE_VERSION = 1;

const v = z.literal(MESSAGE_VERSION);

export const consoleMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('ready') }),
  z.strictObject({ v, type: z.literal('step'), step: z.string().check(z.minLength(1)) }),
  z.strictObject({ v, type: z.literal('connected') }),
  z.strictObject({ v, type: z.literal('error'), code: flowErrorSchema.shape.code }),
  z.strictObject({ v, type: z.literal('height'), height: z.int().check(z.nonnegative()) }),
  z.strictObject({ v, type: z.literal('token-expired') }),
]);
export type ConsoleMessage = z.infer<typeof consoleMessageSchema>;

/** Values a portal may set; each one is checked so that a message can never inject CSS. */
export const themeSchema = z.strictObject({
  scheme: z.optional(z.enum(['light', 'dark'])),
  accent: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/))),
  accentContrast: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/))),
  radius: z.optional(z.string().check(z.regex(/^(0|\d{1,2}(\.\d{1,3})?(px|rem))$/))),
});
export type Theme = z.infer<typeof themeSchema>;

export const portalMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('token'), token: z.string().check(z.minLength(1), z.maxLength(8192)) }),
  z.strictObject({ v, type: z.literal('locale'), locale: z.enum(locales) }),
  z.strictObject({ v, type: z.literal('theme'), theme: themeSchema }),
  z.strictObject({ v, type: z.literal('reset') }),
]);
export type PortalMessage = z.infer<typeof portalMessageSchema>;
