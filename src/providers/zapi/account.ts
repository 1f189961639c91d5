import { z } from 'zod';
import type { DevicePlatform } from '../../contract/account';
import { failed, mapped, type Mapped, type OperationMappings } from '../types';
import { zapiOperation } from './responses';

/*
 * Z-API's account security routes (`/security/*`) and `GET /device`. A refusal comes as HTTP 200
 * `{ success: false, message }`, where the message is the provider's own word ("NOT_CONNECTED",
 * "INVALID_EMAIL", or any other text): it is mapped to an outcome or a catalogue code here and never
 * travels further.
 */

const answerSchema = z.object({ success: z.boolean(), message: z.string().optional() });
type Answer = z.infer<typeof answerSchema>;

/** The failure of a `success: false` answer that has no meaning of its own for the operation. */
function refusal(body: Answer): Mapped<never> {
  return failed(body.message?.trim().toUpperCase() === 'NOT_CONNECTED' ? 'NOT_CONNECTED' : 'PROVIDER_REJECTED');
}

const emailSchema = answerSchema.extend({
  hasEmail: z.boolean().optional(),
  email: z.string().nullable().optional(),
  verified: z.boolean().nullable().optional(),
});

const pinSchema = answerSchema.extend({ hasCode: z.boolean().optional() });

/** The documented example has no `success`; a refusal does. Every field is optional on purpose. */
const deviceBodySchema = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  phone: z.union([z.string(), z.number()]).nullable().optional(),
  name: z.string().nullable().optional(),
  about: z.string().nullable().optional(),
  originalDevice: z.string().nullable().optional(),
  isBusiness: z.boolean().nullable().optional(),
});

const platforms: Record<string, DevicePlatform> = {
  android: 'android',
  iphone: 'iphone',
  smba: 'android-business',
  smbi: 'iphone-business',
};

/** Free text from the profile, cut to what the contract allows; an empty text is no text. */
function profileText(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
}

function devicePhone(phone: string | number | null | undefined): string | null {
  const digits = String(phone ?? '').replace(/\D/g, '');
  return /^\d{8,18}$/.test(digits) ? digits : null;
}

export const zapiAccount: OperationMappings = {
  getDevice: zapiOperation('getDevice', {
    toUpstream: () => ({ method: 'GET', path: '/device' }),
    schema: deviceBodySchema,
    fromBody: (body) => {
      if (body.success === false) return refusal({ success: false, message: body.message });
      return mapped({
        phone: devicePhone(body.phone),
        name: profileText(body.name, 256),
        about: profileText(body.about, 1024),
        platform: platforms[body.originalDevice?.trim().toLowerCase() ?? ''] ?? 'unknown',
        business: body.isBusiness ?? null,
      });
    },
  }),

  getAccountEmail: zapiOperation('getAccountEmail', {
    toUpstream: () => ({ method: 'GET', path: '/security/email' }),
    schema: emailSchema,
    fromBody: (body) => {
      if (!body.success) return refusal(body);
      if (body.hasEmail === undefined) return failed('PROVIDER_ERROR');
      if (!body.hasEmail) return mapped({ hasEmail: false });
      const email = body.email?.trim() ?? '';
      // "Has an e-mail" without the address is not an answer the screen can show.
      if (email === '' || email.length > 254) return failed('PROVIDER_ERROR');
      return mapped({ hasEmail: true, email, verified: body.verified ?? false });
    },
  }),

  setAccountEmail: zapiOperation('setAccountEmail', {
    toUpstream: ({ email }) => ({ method: 'POST', path: '/security/email', body: { email } }),
    schema: answerSchema,
    fromBody: (body) => {
      if (body.success) return mapped({ outcome: body.message === 'VERIFY_EMAIL' ? 'verification-sent' : 'saved' });
      return body.message === 'INVALID_EMAIL' ? mapped({ outcome: 'invalid-email' }) : refusal(body);
    },
  }),

  verifyAccountEmail: zapiOperation('verifyAccountEmail', {
    toUpstream: ({ code }) => ({ method: 'POST', path: '/security/verify-email', body: { verificationCode: code } }),
    schema: answerSchema,
    fromBody: (body) => {
      if (body.success) return mapped({ outcome: 'verified' });
      // A bare `success: false` is a wrong or expired code (undocumented, as for the other codes).
      return body.message === undefined ? mapped({ outcome: 'wrong-code' }) : refusal(body);
    },
  }),

  removeAccountEmail: zapiOperation('removeAccountEmail', {
    toUpstream: () => ({ method: 'POST', path: '/security/email/remove' }),
    schema: answerSchema,
    fromBody: (body) => (body.success ? mapped({ outcome: 'removed' }) : refusal(body)),
  }),

  getPinStatus: zapiOperation('getPinStatus', {
    toUpstream: () => ({ method: 'GET', path: '/security/two-fa-code' }),
    schema: pinSchema,
    fromBody: (body) => {
      if (!body.success) return refusal(body);
      // Saying "no PIN" when the provider did not say would be a guess about a security setting.
      return body.hasCode === undefined ? failed('PROVIDER_ERROR') : mapped({ hasPin: body.hasCode });
    },
  }),

  setPin: zapiOperation('setPin', {
    toUpstream: ({ pin }) => ({ method: 'POST', path: '/security/two-fa-code', body: { code: pin } }),
    schema: answerSchema,
    fromBody: (body) => (body.success ? mapped({ outcome: 'saved' }) : refusal(body)),
  }),

  removePin: zapiOperation('removePin', {
    toUpstream: () => ({ method: 'POST', path: '/security/two-fa-code/remove' }),
    schema: answerSchema,
    fromBody: (body) => (body.success ? mapped({ outcome: 'removed' }) : refusal(body)),
  }),
};
