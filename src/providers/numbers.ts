import { z } from 'zod';
import { MAX_WAIT_SECONDS } from '../contract/common';

/**
 * A count of seconds as the provider sends it: a number, or a string of digits (Z-API documents
 * `retryAfter` both ways). Fractions round up so a wait never ends early; any negative value means
 * "not possible" (-1). More than a day is not a wait but a broken answer: it fails to parse, so the
 * operation answers PROVIDER_ERROR instead of passing `1e300` on to a countdown.
 */
export const providerSecondsSchema = z
  .union([z.number(), z.string().trim().regex(/^-?\d{1,12}(\.\d+)?$/).transform(Number)])
  .transform((value) => (value < 0 ? -1 : Math.ceil(value)))
  .pipe(z.number().int().min(-1).max(MAX_WAIT_SECONDS));

export function largestWait(...waits: Array<number | undefined>): number | undefined {
  const known = waits.filter((wait): wait is number => wait !== undefined && wait > 0);
  return known.length > 0 ? Math.max(...known) : undefined;
}
