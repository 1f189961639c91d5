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
import { emptyRequestSchema } from './common';
import { operation } from './operation';

/** Account security, once connected. */
export const accountOperations = {
  getDevice: operation('GET', '/instance/device', emptyRequestSchema, deviceSchema),
  getAccountEmail: operation('GET', '/account/email', emptyRequestSchema, accountEmailSchema),
  setAccountEmail: operation('POST', '/account/email', setEmailRequestSchema, setEmailResultSchema),
  verifyAccountEmail: operation('POST', '/account/email/verification', verifyEmailRequestSchema, verifyEmailResultSchema),
  removeAccountEmail: operation('POST', '/account/email/removal', emptyRequestSchema, removedResultSchema),
  getPinStatus: operation('GET', '/account/pin', emptyRequestSchema, pinStatusSchema),
  setPin: operation('POST', '/account/pin', setPinRequestSchema, setPinResultSchema),
  removePin: operation('POST', '/account/pin/removal', emptyRequestSchema, removedResultSchema),
};
