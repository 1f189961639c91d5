import { z } from 'zod';

/**
 * A count of seconds as the provider sends it: a number, or a string of digits (Z-API documents
 * `retryAfter` both ways). Fractions round up so a wait never ends early.
 */
export const providerSecondsSchema = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
  .transform((value) => (value < 0 ? -1 : Math.ceil(value)));

export function largestWait(...waits: Array<number | undefined>): number | undefined {
  const known = waits.filter((wait): wait is number => wait !== undefined && wait > 0);
  return known.length > 0 ? Math.max(...known) : undefined;
}
