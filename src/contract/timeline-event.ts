import { z } from 'zod/mini';
import { deliveryMethodSchema } from './common';
import { errorCodeSchema } from './errors';
import { enteredBySchema } from './journey';
import { API_PREFIX } from './operation';

/** Where the timeline is read; the console parses its events one by one (see src/timeline). */
export const TIMELINE_PATH = `${API_PREFIX}/instance/timeline`;

export const timelineKinds = [
  'availability',
  'code-request',
  'captcha-shown',
  'captcha-answer',
  'code',
  'pin',
  'pin-recovery',
  'transfer',
  'appeal',
  'handoff-created',
  'handoff-opened',
  'handoff-used',
  'handoff-revoked',
  'pairing-code',
  'qr-code',
  'connected',
  'account-email',
  'account-email-verification',
  'account-email-removal',
  'account-pin',
  'account-pin-removal',
] as const;
export const timelineKindSchema = z.enum(timelineKinds);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/**
 * One thing that happened in an onboarding. It never holds a code, a PIN, an e-mail address, a
 * token or a credential: the number is masked and the outcome is a fixed word.
 */
export const timelineEventSchema = z.strictObject({
  at: z.int().check(z.nonnegative()),
  kind: timelineKindSchema,
  /** `+55 *********21`, or null when no number was under way. */
  number: z.nullable(z.string()),
  /** The journey's step when it happened. */
  step: z.string(),
  /** A fixed word: the answer's outcome (`sent`, `wrong-code`, …), `refused` or `failed`. */
  outcome: z.string().check(z.regex(/^[a-z-]{1,40}$/)),
  /** The catalogue code of a refusal or a failure. */
  code: z.nullable(errorCodeSchema),
  method: z.nullable(deliveryMethodSchema),
  by: enteredBySchema,
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
