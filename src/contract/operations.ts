import type { z } from 'zod/mini';
import { accountOperations } from './account-operations';
import { instanceOperations } from './instance-operations';
import { linkingOperations } from './linking-operations';
import { registrationOperations } from './registration-operations';

export { API_PREFIX, type OperationDefinition } from './operation';

/**
 * Every call the browser may make to the proxy. The proxy registers exactly these routes and the
 * browser's client and the demo's mock handlers are generated from the same table. The browser's
 * screens import their own part (registration, instance, account, linking), so each chunk carries
 * only the schemas it parses.
 */
export const operations = {
  ...registrationOperations,
  ...instanceOperations,
  ...accountOperations,
  ...linkingOperations,
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
