import { z } from 'zod';
import { PAIRING_CODE_LIFETIME_SECONDS, QR_LIFETIME_SECONDS } from '../../contract/linking';
import { internationalDigits, normalizePairingCode, qrDataUri } from '../linking';
import { failed, mapped, type OperationMappings } from '../types';
import { wawpOperation } from './responses';

/*
 * Wawp's login routes, session info and "me" (docs/decisions/031). `instance_id` and `access_token` are query parameters
 * added by the transport only (`wawpTarget`); the adapter never sees them.
 */

const requestCodeSchema = z.object({ code: z.string() });

/** The QR image page shows a base64 PNG; WAHA, which Wawp runs, names it `data` (with `mimetype`) or `value`. */
const qrImageBodySchema = z.object({
  qr: z.string().optional(),
  value: z.string().optional(),
  data: z.string().optional(),
  base64: z.string().optional(),
  mimetype: z.string().optional(),
});

/** WAHA's "me": the account's WhatsApp id (`5511…@c.us`) and its profile name. */
const meSchema = z.object({ id: z.string().optional(), pushName: z.string().nullable().optional() });

/** WAHA's session states; Wawp reports the same words. */
const sessionInfoSchema = z.object({ status: z.string() });

export const wawpLinking: OperationMappings = {
  requestPairingCode: wawpOperation('requestPairingCode', {
    toUpstream: (phone) => ({ method: 'POST', path: '/v2/auth/request-code', body: { phone_number: internationalDigits(phone) } }),
    schema: requestCodeSchema,
    fromBody: (body) => {
      const code = normalizePairingCode(body.code);
      return code ? mapped({ code, expiresInSeconds: PAIRING_CODE_LIFETIME_SECONDS }) : failed('PROVIDER_ERROR');
    },
  }),

  getQrCode: wawpOperation('getQrCode', {
    toUpstream: () => ({ method: 'GET', path: '/v2/auth/qr-image' }),
    schema: qrImageBodySchema,
    fromBody: (body) => {
      if (body.mimetype !== undefined && body.mimetype !== 'image/png') return failed('PROVIDER_ERROR');
      const image = qrDataUri(body.qr ?? body.value ?? body.data ?? body.base64 ?? '');
      return image ? mapped({ image, expiresInSeconds: QR_LIFETIME_SECONDS }) : failed('PROVIDER_ERROR');
    },
  }),

  // The connected screen's device data; Wawp tells the number and the profile name only.
  getDevice: wawpOperation('getDevice', {
    toUpstream: () => ({ method: 'GET', path: '/v2/session/me' }),
    schema: meSchema,
    fromBody: (body) => {
      const digits = /^(\d{8,18})@/.exec(body.id ?? '')?.[1] ?? null;
      const name = body.pushName?.trim() ?? '';
      return mapped({ phone: digits, name: name === '' ? null : name.slice(0, 256), about: null, platform: 'unknown', business: null });
    },
  }),

  getStatus: wawpOperation('getStatus', {
    toUpstream: () => ({ method: 'POST', path: '/v2/session/info' }),
    schema: sessionInfoSchema,
    fromBody: (body) => {
      const status = body.status.trim().toUpperCase();
      // FAILED: the link was lost; Wawp's answer is to restart the session in its panel.
      return mapped({ connected: status === 'WORKING', needsRestore: status === 'FAILED' });
    },
  }),
};
