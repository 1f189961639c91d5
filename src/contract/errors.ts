import { z } from 'zod/mini';
import { retryAfterSecondsSchema } from './common';

/**
 * The closed list of failures the proxy answers with. Each has an HTTP status and a fixed English
 * sentence in `error-catalogue.ts` (proxy and demo only: the browser maps `code` to its own words and
 * never loads those sentences).
 */
export const errorCodes = [
  'INVALID_REQUEST',
  'UNAUTHORIZED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'CROSS_SITE_REQUEST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'STEP_OUT_OF_ORDER',
  'ALREADY_CONNECTED',
  'NOT_CONNECTED',
  'LINK_NOT_READY',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INSTANCE_CODE_BUDGET',
  'PROXY_CODE_BUDGET',
  'NUMBER_BUDGET',
  'EMAIL_SEND_BUDGET',
  'PAIRING_CODE_BUDGET',
  'QR_CODE_BUDGET',
  'GUESS_BUDGET',
  'CHALLENGE_EXHAUSTED',
  'SIGN_IN_BUDGET',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
  'PROVIDER_REJECTED',
  'PROVIDER_ERROR',
  'UPSTREAM_TOO_LARGE',
  'UPSTREAM_RESET',
  'UPSTREAM_UNAVAILABLE',
  'STATE_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'SHUTTING_DOWN',
] as const;


export type ErrorCode = (typeof errorCodes)[number];
export const errorCodeSchema = z.enum(errorCodes);

export const fieldErrorsSchema = z.record(z.string(), z.string());

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Only on INVALID_REQUEST: field path → what is wrong with it. */
  fields: z.optional(fieldErrorsSchema),
  /** Only on RATE_LIMITED: seconds until the same request may succeed. */
  retryAfterSeconds: z.optional(retryAfterSecondsSchema),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
