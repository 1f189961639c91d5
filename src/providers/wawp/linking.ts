import { z } from 'zod';
import { PAIRING_CODE_LIFETIME_SECONDS, QR_LIFETIME_SECONDS } from '../../contract/linking';
import { internationalDigits, normalizePairingCode, qrDataUri } from '../linking';
import { failed, mapped, type OperationMappings } from '../types';
import { wawpOperation } from './responses';

/*
 * Wawp's login routes (docs/decisions/031). `instance_id` and `access_token` are query parameters
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
