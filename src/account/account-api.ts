import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { callApi } from '../api/client';
import { providerMutation } from '../api/provider-mutation';
import { accountOperations } from '../contract/account-operations';
import { instanceOperations } from '../contract/instance-operations';
import type { OperationDefinition } from '../contract/operation';

export const accountKeys = {
  status: ['instance', 'status'],
  device: ['instance', 'device'],
  email: ['account', 'email'],
  pin: ['account', 'pin'],
} as const satisfies Record<string, QueryKey>;

function readQuery<Res extends z.core.$ZodType>(queryKey: QueryKey, operation: OperationDefinition<z.core.$ZodType, Res>) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => callApi(operation, {}, { signal }) });
}

export const accountQueries = {
  status: readQuery(accountKeys.status, instanceOperations.getStatus),
  device: readQuery(accountKeys.device, accountOperations.getDevice),
  email: readQuery(accountKeys.email, accountOperations.getAccountEmail),
  pin: readQuery(accountKeys.pin, accountOperations.getPinStatus),
};

/** Account changes reach the provider like the journey's calls: never retried, one at a time. */
export const accountMutations = {
  setEmail: providerMutation(['account', 'set-email'], accountOperations.setAccountEmail),
  verifyEmail: providerMutation(['account', 'verify-email'], accountOperations.verifyAccountEmail),
  removeEmail: providerMutation(['account', 'remove-email'], accountOperations.removeAccountEmail),
  setPin: providerMutation(['account', 'set-pin'], accountOperations.setPin),
  removePin: providerMutation(['account', 'remove-pin'], accountOperations.removePin),
};
