import { z } from 'zod';
import { PAIRING_CODE_LIFETIME_SECONDS, QR_LIFETIME_SECONDS } from '../../contract/linking';
import { internationalDigits, normalizePairingCode, qrDataUri } from '../linking';
import { failed, mapped, type OperationMappings } from '../types';
import { zapiOperation } from './responses';

/*
 * Linking as a device (docs/decisions/030). Z-API documents the code under `value` (newer page) and
 * `code` (older page), and the QR image as `value` (a data URI) or `base64` (plain); every variant
 * parses, and the browser always gets `XXXX-XXXX` and a PNG data URI. 409 is "already connected",
 * handled by the shared failure rules.
 */

const phoneCodeSchema = z.object({ value: z.string().optional(), code: z.string().optional() });
const qrImageBodySchema = z.object({ value: z.string().optional(), base64: z.string().optional() });

export const zapiLinking: OperationMappings = {
  requestPairingCode: zapiOperation('requestPairingCode', {
    // The number comes from the contract's digits-only schema, so it is safe as a path segment.
    toUpstream: (phone) => ({ method: 'GET', path: `/phone-code/${internationalDigits(phone)}` }),
    schema: phoneCodeSchema,
    fromBody: (body) => {
      const code = normalizePairingCode(body.code ?? body.value ?? '');
      return code ? mapped({ code, expiresInSeconds: PAIRING_CODE_LIFETIME_SECONDS }) : failed('PROVIDER_ERROR');
    },
  }),

  getQrCode: zapiOperation('getQrCode', {
    toUpstream: () => ({ method: 'GET', path: '/qr-code/image' }),
    schema: qrImageBodySchema,
    fromBody: (body) => {
      const image = qrDataUri(body.value ?? body.base64 ?? '');
      return image ? mapped({ image, expiresInSeconds: QR_LIFETIME_SECONDS }) : failed('PROVIDER_ERROR');
    },
  }),
};
