import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';
import { errorReply, type ApiReply } from '../../gateway/api-call';

/** What the `phone` field of a refused number says; the browser words it in the operator's language. */
export const INVALID_PHONE_FIELD = 'not a number in use for this calling code';

const withNumber = z.object({ ddi: z.string(), phone: z.string() });

/**
 * A number that cannot exist (by libphonenumber-js's full metadata, kept in the proxy only) never
 * reaches the provider: checking it could cost a lookup, and asking a code for it an SMS. The
 * browser does a compact check first (the lengths of each country); this is the exact one.
 */
export function phoneRefusal(input: unknown): ApiReply | null {
  const parsed = withNumber.safeParse(input);
  if (!parsed.success) return null;
  if (isValidPhoneNumber(`+${parsed.data.ddi}${parsed.data.phone}`)) return null;
  return errorReply('INVALID_REQUEST', { fields: { phone: INVALID_PHONE_FIELD } });
}
