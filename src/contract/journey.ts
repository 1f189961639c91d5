import { z } from 'zod/mini';
import { ddiSchema, deliveryMethodSchema, emptyRequestSchema, nationalNumberSchema } from './common';
import { operation } from './operation';

const epochMs = z.int().check(z.nonnegative());

/** Which journey step a hand-off link serves: the 6-digit code, or the two-step PIN after it. */
export const handoffStepSchema = z.enum(['code', 'pin']);
export type HandoffStep = z.infer<typeof handoffStepSchema>;

/** Who typed the last code or PIN: the operator in the console, or the number's owner on a hand-off link. */
export const enteredBySchema = z.enum(['operator', 'owner']);
export type EnteredBy = z.infer<typeof enteredBySchema>;

/**
 * Where this instance's registration journey is, as the proxy's guards keep it, so any tab or
 * browser resumes at the true step with the true countdowns. Times are absolute (epoch ms) with the
 * proxy's own `now`, so a browser whose clock is off still counts the right amount.
 */
export const journeySchema = z.strictObject({
  step: z.enum(['none', 'available', 'captcha', 'pin', 'transfer', 'banned', 'connected', 'closed']),
  /** The number under way: in full for the operator (a resend needs it), and masked for display. */
  number: z.nullable(z.strictObject({ ddi: ddiSchema, phone: nationalNumberSchema, masked: z.string() })),
  /** A code is outstanding and may still be confirmed: the console offers "I already have a code". */
  codeSent: z.boolean(),
  sentMethod: z.nullable(deliveryMethodSchema),
  /** The outstanding code can be confirmed until then. */
  codeExpiresAt: z.nullable(epochMs),
  /** No new code of any method before this (after a code went out). */
  resendAt: z.nullable(epochMs),
  /** From when each method may be requested; null when the provider said it cannot be. */
  deadlines: z.strictObject({ sms: z.nullable(epochMs), voice: z.nullable(epochMs), wa_old: z.nullable(epochMs) }),
  wrongCodes: z.int().check(z.nonnegative()),
  /** The live hand-off link of the current step, if any (never its token). */
  handoff: z.nullable(z.strictObject({ step: handoffStepSchema, expiresAt: epochMs, opened: z.boolean() })),
  /** Who entered the last code or PIN that moved the journey, and when. */
  lastEntry: z.nullable(z.strictObject({ by: enteredBySchema, at: epochMs })),
  now: epochMs,
});
export type Journey = z.infer<typeof journeySchema>;

/** Kept apart from the first screen's instance calls: only the journey's own chunk parses it. */
export const journeyOperations = {
  // Where the journey is, from the proxy's own record; no upstream call.
  getJourney: operation('GET', '/instance/journey', emptyRequestSchema, journeySchema),
};
