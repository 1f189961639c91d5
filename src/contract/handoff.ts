import { z } from 'zod/mini';
import { emptyRequestSchema, sixDigitsSchema } from './common';
import { handoffStepSchema } from './journey';
import { API_PREFIX, operation, type OperationDefinition } from './operation';

/** A hand-off token: 128 random bits, base64url (22 characters). Stored only as a digest. */
export const handoffTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'not a hand-off link'));

/** The operator's new link: the token is shown once, to be sent to the number's owner. */
export const handoffLinkSchema = z.strictObject({
  token: handoffTokenSchema,
  step: handoffStepSchema,
  expiresAt: z.int().check(z.nonnegative()),
});
export type HandoffLink = z.infer<typeof handoffLinkSchema>;

export const handoffRevocationSchema = z.strictObject({ outcome: z.enum(['revoked', 'none']) });

/** The operator's side: create the link of the current step, or revoke it. */
export const handoffOperations = {
  createHandoff: operation('POST', '/handoff/link', emptyRequestSchema, handoffLinkSchema),
  revokeHandoff: operation('POST', '/handoff/link/revocation', emptyRequestSchema, handoffRevocationSchema),
};

/** A link that can no longer be used, and why; the owner's page says so in plain words. */
const deadLink = [
  z.strictObject({ outcome: z.literal('used') }),
  z.strictObject({ outcome: z.literal('revoked') }),
  z.strictObject({ outcome: z.literal('expired') }),
] as const;

const attemptsLeft = z.int().check(z.nonnegative());

export const handoffOpenRequestSchema = z.strictObject({ token: handoffTokenSchema });

/** What the owner's page shows: who asks, the masked number, the step, until when. */
export const handoffViewSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('open'),
    step: handoffStepSchema,
    brand: z.string(),
    maskedNumber: z.string(),
    expiresAt: z.int().check(z.nonnegative()),
    attemptsLeft,
  }),
  ...deadLink,
]);
export type HandoffView = z.infer<typeof handoffViewSchema>;

export const handoffCodeRequestSchema = z.strictObject({ token: handoffTokenSchema, code: sixDigitsSchema });
export const handoffPinRequestSchema = z.strictObject({ token: handoffTokenSchema, pin: sixDigitsSchema });

export const handoffSubmissionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('connected') }),
  /** The code was right and the journey goes on in the console (a PIN or a device transfer). */
  z.strictObject({ outcome: z.literal('accepted') }),
  z.strictObject({ outcome: z.literal('wrong'), attemptsLeft }),
  z.strictObject({ outcome: z.literal('recovery-sent') }),
  z.strictObject({ outcome: z.literal('no-email') }),
  ...deadLink,
]);
export type HandoffSubmission = z.infer<typeof handoffSubmissionSchema>;

const ownerOperation = <Req extends z.core.$ZodType, Res extends z.core.$ZodType>(path: string, request: Req, response: Res): OperationDefinition<Req, Res> => ({
  method: 'POST',
  path: `${API_PREFIX}${path}`,
  request,
  response,
});

/**
 * The number owner's side, kept out of the operation table: these take no operator credential,
 * only the link's token (in the body, never in a URL), and reach nothing but their own step.
 */
export const handoffOwnerOperations = {
  openHandoff: ownerOperation('/handoff/open', handoffOpenRequestSchema, handoffViewSchema),
  submitHandoffCode: ownerOperation('/handoff/code', handoffCodeRequestSchema, handoffSubmissionSchema),
  submitHandoffPin: ownerOperation('/handoff/pin', handoffPinRequestSchema, handoffSubmissionSchema),
  recoverHandoffPin: ownerOperation('/handoff/pin-recovery', handoffOpenRequestSchema, handoffSubmissionSchema),
};
export type HandoffOwnerOperationName = keyof typeof handoffOwnerOperations;
