import { z } from 'zod';
import { unavailableReasonSchema, type UnavailableReason } from '../../contract/common';
import { largestWait, providerSecondsSchema } from '../numbers';
import { failed, mapped, type OperationMappings } from '../types';
import { captchaDataUri, normalizeWaits, waitFieldsSchema, zapiOperation } from './responses';

/** The provider's `reason` values are undocumented: known ones pass, anything else is `unknown`. */
function unavailableReason(reason: string | undefined): UnavailableReason {
  const parsed = unavailableReasonSchema.safeParse(reason);
  return parsed.success ? parsed.data : 'unknown';
}

const availabilitySchema = waitFieldsSchema.extend({
  available: z.boolean(),
  blocked: z.boolean().optional(),
  appealToken: z.string().min(1).optional(),
  waOldEligible: z.boolean().optional(),
  reason: z.string().optional(),
});

const codeRequestSchema = waitFieldsSchema.extend({
  success: z.boolean().optional(),
  captcha: z.string().min(1).optional(),
  blocked: z.boolean().optional(),
  retryAfter: providerSecondsSchema.optional(),
  method: z.enum(['sms', 'voice', 'wa_old']).optional(),
});

const successSchema = z.object({ success: z.boolean() });

const captchaAnswerSchema = z.object({
  success: z.boolean(),
  captcha: z.string().min(1).optional(),
});

/** Flags matter whatever `success` says (the provider's own samples disagree on it). */
const confirmationSchema = z.object({
  success: z.boolean().optional(),
  confirmSecurityCode: z.boolean().optional(),
  deviceConfirm: z.boolean().optional(),
});

const unbanningSchema = z.object({
  success: z.boolean(),
  status: z.string().optional(),
});

export const zapiRegistration: OperationMappings = {
  checkAvailability: zapiOperation('checkAvailability', {
    toUpstream: ({ ddi, phone }) => ({ method: 'POST', path: '/mobile/registration-available', body: { ddi, phone } }),
    schema: availabilitySchema,
    fromBody: (body) => {
      // Order matters: a banned number also says available:false.
      if (body.blocked) {
        return body.appealToken
          ? mapped({ outcome: 'banned' }, { appealToken: body.appealToken })
          : mapped({ outcome: 'blocked' });
      }
      if (!body.available) {
        const wait = largestWait(body.smsWaitSeconds, body.voiceWaitSeconds, body.waOldWaitSeconds);
        return mapped({ outcome: 'unavailable', reason: unavailableReason(body.reason), retryAfterSeconds: wait ?? null });
      }
      return mapped({ outcome: 'available', waits: normalizeWaits(body), waOldEligible: body.waOldEligible ?? false });
    },
  }),

  requestCode: zapiOperation('requestCode', {
    toUpstream: ({ ddi, phone, method }) => ({
      method: 'POST',
      path: '/mobile/request-registration-code',
      body: { ddi, phone, method },
    }),
    schema: codeRequestSchema,
    fromBody: (body, input) => {
      // A captcha comes with success:false in one documented variant, so it is checked first.
      if (body.captcha) {
        const image = captchaDataUri(body.captcha);
        return image ? mapped({ outcome: 'captcha', image }) : failed('PROVIDER_ERROR');
      }
      if (body.blocked) return mapped({ outcome: 'blocked' });
      const waits = normalizeWaits(body, body.retryAfter ?? 0);
      const retryAfterSeconds = Math.max(0, body.retryAfter ?? largestWait(waits.sms, waits.voice, waits.wa_old) ?? 0);
      return body.success
        ? mapped({ outcome: 'sent', method: body.method ?? input.method, retryAfterSeconds, waits })
        : mapped({ outcome: 'not-sent', retryAfterSeconds, waits });
    },
  }),

  answerCaptcha: zapiOperation('answerCaptcha', {
    toUpstream: ({ answer }) => ({ method: 'POST', path: '/mobile/respond-captcha', body: { captcha: answer } }),
    schema: captchaAnswerSchema,
    fromBody: (body) =>
      body.success
        ? mapped({ outcome: 'accepted' })
        : mapped({ outcome: 'rejected', image: body.captcha ? captchaDataUri(body.captcha) : null }),
  }),

  confirmCode: zapiOperation('confirmCode', {
    toUpstream: ({ code }) => ({ method: 'POST', path: '/mobile/confirm-registration-code', body: { code } }),
    schema: confirmationSchema,
    fromBody: (body) => {
      if (body.confirmSecurityCode) return mapped({ outcome: 'pin-required' });
      if (body.deviceConfirm) return mapped({ outcome: 'transfer-required' });
      return mapped({ outcome: body.success ? 'connected' : 'wrong-code' });
    },
  }),

  confirmPin: zapiOperation('confirmPin', {
    toUpstream: ({ pin }) => ({ method: 'POST', path: '/mobile/confirm-pin-code', body: { code: pin } }),
    schema: confirmationSchema,
    fromBody: (body) => {
      if (body.deviceConfirm) return mapped({ outcome: 'transfer-required' });
      return mapped({ outcome: body.success ? 'connected' : 'wrong-pin' });
    },
  }),

  recoverPin: zapiOperation('recoverPin', {
    toUpstream: () => ({ method: 'POST', path: '/mobile/recovery-pin-code' }),
    schema: successSchema,
    fromBody: (body) => mapped({ outcome: body.success ? 'email-sent' : 'no-email' }),
  }),

  confirmTransfer: zapiOperation('confirmTransfer', {
    toUpstream: () => ({ method: 'GET', path: '/mobile/device-transfer-confirmed' }),
    // 400 is the documented answer while the old phone has not accepted the transfer yet.
    byStatus: (response) => (response.status === 400 ? mapped({ outcome: 'not-accepted-yet' }) : null),
    schema: successSchema,
    fromBody: (body) => mapped({ outcome: body.success ? 'connected' : 'not-accepted-yet' }),
  }),

  requestUnbanning: zapiOperation('requestUnbanning', {
    // The appeal token came with the availability answer and stayed on this side.
    toUpstream: ({ description }, memory) =>
      memory.appealToken
        ? { method: 'POST', path: '/mobile/request-unbanning', body: { appealToken: memory.appealToken, description } }
        : { error: 'STEP_OUT_OF_ORDER' },
    schema: unbanningSchema,
    fromBody: (body) => {
      if (body.success && body.status === 'UNBANNED') return mapped({ outcome: 'unbanned' });
      if (body.success && body.status === 'IN_REVIEW') return mapped({ outcome: 'in-review' });
      return mapped({ outcome: 'rejected' });
    },
  }),
};
