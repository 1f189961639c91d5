import { z } from 'zod/mini';
import { captchaImageSchema, deliveryMethodSchema, phoneNumberSchema, unavailableReasonSchema } from '../contract/common';
import { errorCodeSchema } from '../contract/errors';

/**
 * The state of the registration journey. Declared as zod schemas because the same shapes are read
 * back from sessionStorage after a reload, where they must be parsed, not trusted.
 */

const epochMs = z.int().check(z.nonnegative());

/** When each method may be requested (epoch ms); null while the provider says it is unavailable. */
export const deadlinesSchema = z.strictObject({
  sms: z.nullable(epochMs),
  voice: z.nullable(epochMs),
  wa_old: z.nullable(epochMs),
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

export const codeContextSchema = z.strictObject({
  deadlines: deadlinesSchema,
  waOldEligible: z.boolean(),
  /** After a code was sent: no new code of any method before this (from `retryAfter`). */
  resendAt: epochMs,
  /** Method of the last code sent, or null while none was. */
  sentMethod: z.nullable(deliveryMethodSchema),
  wrongCodes: z.int().check(z.nonnegative()),
});
export type CodeContext = z.infer<typeof codeContextSchema>;

/** Failures that happen in the browser, besides the proxy's catalogue. */
export const clientErrorCodeSchema = z.enum(['NETWORK', 'OFFLINE', 'INVALID_RESPONSE', 'CLIENT_TIMEOUT']);
export const flowErrorSchema = z.strictObject({
  code: z.union([errorCodeSchema, clientErrorCodeSchema]),
  retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
  /** The field the proxy refused (a number that does not exist), shown on that field. */
  field: z.optional(z.literal('phone')),
});
export type FlowError = z.infer<typeof flowErrorSchema>;
export type FlowErrorCode = FlowError['code'];

const error = z.nullable(flowErrorSchema);
const phone = phoneNumberSchema;
const code = codeContextSchema;
const method = deliveryMethodSchema;
const image = captchaImageSchema;

export const flowStateSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('phoneEntry'), phone: z.nullable(phone), error }),
  z.strictObject({ step: z.literal('checkingAvailability'), phone, previous: z.nullable(code) }),
  z.strictObject({
    step: z.literal('choosingMethod'),
    phone,
    code,
    notice: z.nullable(z.enum(['code-not-sent'])),
    error,
  }),
  z.strictObject({
    step: z.literal('requestingCode'),
    phone,
    code,
    method,
    from: z.enum(['choosingMethod', 'awaitingCode']),
  }),
  z.strictObject({ step: z.literal('codeOutcomeUnknown'), phone, code, method, error }),
  z.strictObject({
    step: z.literal('solvingCaptcha'),
    phone,
    code,
    method,
    image,
    notice: z.nullable(z.enum(['captcha-wrong', 'captcha-expired'])),
    error,
  }),
  z.strictObject({ step: z.literal('submittingCaptcha'), phone, code, method, image }),
  z.strictObject({
    step: z.literal('awaitingCode'),
    phone,
    code,
    notice: z.nullable(z.enum(['wrong-code', 'too-many-wrong-codes'])),
    error,
  }),
  z.strictObject({ step: z.literal('confirmingCode'), phone, code }),
  z.strictObject({
    step: z.literal('awaitingPin'),
    phone,
    notice: z.nullable(z.enum(['wrong-pin', 'recovery-sent', 'recovery-no-email'])),
    error,
  }),
  z.strictObject({ step: z.literal('confirmingPin'), phone }),
  z.strictObject({ step: z.literal('recoveringPin'), phone }),
  z.strictObject({
    step: z.literal('awaitingTransfer'),
    phone,
    notice: z.nullable(z.enum(['not-accepted-yet'])),
    error,
  }),
  z.strictObject({ step: z.literal('confirmingTransfer'), phone }),
  z.strictObject({
    step: z.literal('bannedAppealable'),
    phone,
    notice: z.nullable(z.enum(['appeal-rejected'])),
    error,
  }),
  z.strictObject({ step: z.literal('submittingAppeal'), phone }),
  z.strictObject({ step: z.literal('appealInReview'), phone }),
  z.strictObject({ step: z.literal('unbanned'), phone }),
  z.strictObject({ step: z.literal('blockedNoAppeal'), phone }),
  z.strictObject({
    step: z.literal('unavailable'),
    phone,
    reason: unavailableReasonSchema,
    retryAt: z.nullable(epochMs),
  }),
  z.strictObject({ step: z.literal('connected'), phone }),
]);

export type FlowState = z.infer<typeof flowStateSchema>;
export type Step = FlowState['step'];
export type StateOf<S extends Step> = Extract<FlowState, { step: S }>;

export const initialState: FlowState = { step: 'phoneEntry', phone: null, error: null };

/** Nothing typed yet: the phone step with no number, as after a first visit or "start over". */
export function isFreshStart(state: FlowState): boolean {
  return state.step === 'phoneEntry' && state.phone === null;
}
