import { emptyRequestSchema, phoneNumberSchema } from './common';
import { pairingCodeSchema, qrCodeSchema } from './linking';
import { operation } from './operation';

/**
 * Linking as a device of the phone that has WhatsApp. The code request is a POST: the number
 * travels in a validated body, never in a URL the server logs.
 */
export const linkingOperations = {
  requestPairingCode: operation('POST', '/linking/pairing-code', phoneNumberSchema, pairingCodeSchema),
  getQrCode: operation('GET', '/linking/qr-code', emptyRequestSchema, qrCodeSchema),
};
