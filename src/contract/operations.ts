import type { z } from 'zod/mini';
import {
  accountEmailSchema,
  deviceSchema,
  pinStatusSchema,
  removedResultSchema,
  setEmailRequestSchema,
  setEmailResultSchema,
  setPinRequestSchema,
  setPinResultSchema,
  verifyEmailRequestSchema,
  verifyEmailResultSchema,
} from './account';
import { emptyRequestSchema, phoneNumberSchema } from './common';
import { instanceCapabilitiesSchema, instanceStatusSchema } from './instance';
import { pairingCodeSchema, qrCodeSchema } from './linking';
import {
  appealRequestSchema,
  appealResultSchema,
  availabilityRequestSchema,
  availabilityResultSchema,
  captchaAnswerSchema,
  captchaResultSchema,
  codeConfirmationResultSchema,
  codeConfirmationSchema,
  codeRequestResultSchema,
  codeRequestSchema,
  pinConfirmationResultSchema,
  pinConfirmationSchema,
  pinRecoveryResultSchema,
  transferConfirmationResultSchema,
} from './registration';

export const API_PREFIX = '/api/v1';

export interface OperationDefinition<Req extends z.core.$ZodType, Res extends z.core.$ZodType> {
  method: 'GET' | 'POST';
  path: string;
  request: Req;
  response: Res;
}

function operation<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(
  method: 'GET' | 'POST',
  path: string,
  request: Req,
  response: Res,
): OperationDefinition<Req, Res> {
  return { method, path: `${API_PREFIX}${path}`, request, response };
}

/**
 * Every call the browser may make to the proxy. The proxy registers exactly these routes and the
 * browser's client and the demo's mock handlers are generated from the same table.
 */
export const operations = {
  checkAvailability: operation('POST', '/registration/availability', availabilityRequestSchema, availabilityResultSchema),
  requestCode: operation('POST', '/registration/code-request', codeRequestSchema, codeRequestResultSchema),
  answerCaptcha: operation('POST', '/registration/captcha', captchaAnswerSchema, captchaResultSchema),
  confirmCode: operation('POST', '/registration/code-confirmation', codeConfirmationSchema, codeConfirmationResultSchema),
  confirmPin: operation('POST', '/registration/pin-confirmation', pinConfirmationSchema, pinConfirmationResultSchema),
  recoverPin: operation('POST', '/registration/pin-recovery', emptyRequestSchema, pinRecoveryResultSchema),
  confirmTransfer: operation('POST', '/registration/transfer-confirmation', emptyRequestSchema, transferConfirmationResultSchema),
  requestUnbanning: operation('POST', '/registration/appeal', appealRequestSchema, appealResultSchema),
  getStatus: operation('GET', '/instance/status', emptyRequestSchema, instanceStatusSchema),
  // What the instance's provider supports; the gateway answers it from the adapter, with no upstream call.
  getCapabilities: operation('GET', '/instance/capabilities', emptyRequestSchema, instanceCapabilitiesSchema),
  // Account security, once connected.
  getDevice: operation('GET', '/instance/device', emptyRequestSchema, deviceSchema),
  getAccountEmail: operation('GET', '/account/email', emptyRequestSchema, accountEmailSchema),
  setAccountEmail: operation('POST', '/account/email', setEmailRequestSchema, setEmailResultSchema),
  verifyAccountEmail: operation('POST', '/account/email/verification', verifyEmailRequestSchema, verifyEmailResultSchema),
  removeAccountEmail: operation('POST', '/account/email/removal', emptyRequestSchema, removedResultSchema),
  getPinStatus: operation('GET', '/account/pin', emptyRequestSchema, pinStatusSchema),
  setPin: operation('POST', '/account/pin', setPinRequestSchema, setPinResultSchema),
  removePin: operation('POST', '/account/pin/removal', emptyRequestSchema, removedResultSchema),
  // Linking as a device of the phone that has WhatsApp. The code request is a POST: the number
  // travels in a validated body, never in a URL the server logs.
  requestPairingCode: operation('POST', '/linking/pairing-code', phoneNumberSchema, pairingCodeSchema),
  getQrCode: operation('GET', '/linking/qr-code', emptyRequestSchema, qrCodeSchema),
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.infer<Operations[N]['request']>;
export type OperationOutput<N extends OperationName> = z.infer<Operations[N]['response']>;

export const operationNames = Object.keys(operations) as OperationName[];

/** The mobile-registration journey's calls, from the availability check to the appeal. */
export const registrationOperationNames = [
  'checkAvailability',
  'requestCode',
  'answerCaptcha',
  'confirmCode',
  'confirmPin',
  'recoverPin',
  'confirmTransfer',
  'requestUnbanning',
] as const satisfies readonly OperationName[];
