import { z } from 'zod';
import type { MethodWaits } from '../../contract/common';
import type { OperationName } from '../../contract/operations';
import { failed, type Mapped, type OperationMapping, type UpstreamResponse } from '../types';
import { providerOperation, type OperationSpec } from '../operation';
import { largestWait, providerSecondsSchema } from '../numbers';

/**
 * Z-API answers business failures with HTTP 200, and some security failures too
 * (`{"error":"null not allowed"}`), so every answer passes through here before its own mapping.
 * Returns the failure, or null when the answer is a normal 200 body worth mapping.
 */
export function zapiFailure(response: UpstreamResponse): Mapped<never> | null {
  // A 5xx is the provider failing whatever its body says; only a 4xx or a 200 with an
  // `error` is the provider refusing.
  if (response.status >= 500) return failed('PROVIDER_ERROR');
  if (hasErrorKey(response.body)) return failed('PROVIDER_REJECTED');
  if (response.status === 409) return failed('ALREADY_CONNECTED');
  if (response.status >= 400) return failed('PROVIDER_REJECTED');
  if (response.status !== 200) return failed('PROVIDER_ERROR');
  return null;
}

function hasErrorKey(body: unknown): boolean {
  return z.object({ error: z.string().min(1) }).safeParse(body).success;
}

/** One Z-API operation, with Z-API's shared failure rules (see providerOperation). */
export function zapiOperation<N extends OperationName, S extends z.ZodType>(
  _name: N,
  spec: OperationSpec<N, S>,
): OperationMapping<N> {
  return providerOperation(zapiFailure, spec);
}

export const waitFieldsSchema = z.object({
  smsWaitSeconds: providerSecondsSchema.optional(),
  voiceWaitSeconds: providerSecondsSchema.optional(),
  waOldWaitSeconds: providerSecondsSchema.optional(),
});
type WaitFields = z.infer<typeof waitFieldsSchema>;

/**
 * One wait per method. An omitted SMS or voice wait falls back to `fallback`; an omitted pop-up wait
 * follows the SMS and voice cooldowns, because the provider leaves it out while they run.
 */
export function normalizeWaits(fields: WaitFields, fallback = 0): MethodWaits {
  const sms = fields.smsWaitSeconds ?? fallback;
  const voice = fields.voiceWaitSeconds ?? fallback;
  const waOld = fields.waOldWaitSeconds ?? largestWait(sms, voice) ?? fallback;
  return { sms, voice, wa_old: waOld };
}

/** The provider sends the captcha as plain base64 or as a data URI; the browser always gets a data URI. */
export function captchaDataUri(captcha: string): string | null {
  const compact = captcha.replace(/\s+/g, '');
  const match = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.+)$/.exec(compact);
  const [mime, data] = match ? [match[1], match[2]] : ['image/png', compact];
  if (!data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  return `data:${mime};base64,${data}`;
}
