import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { callApi } from '../api/client';
import { providerMutation } from '../api/provider-mutation';
import { operations, type OperationDefinition } from '../contract/operations';

/** How long the start-up check may hold the first screen before the journey is shown anyway. */
const START_CHECK_TIMEOUT_MS = 5_000;

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
  status: readQuery(accountKeys.status, operations.getStatus),
  device: readQuery(accountKeys.device, operations.getDevice),
  email: readQuery(accountKeys.email, operations.getAccountEmail),
  pin: readQuery(accountKeys.pin, operations.getPinStatus),
  /**
   * The status asked once when the console opens with no journey in progress. It never retries and
   * gives up quickly: any doubt shows the journey, which works whatever the instance's state.
   */
  statusAtStart: queryOptions({
    // Its own key: refreshing the status elsewhere must not change what the first screen decided.
    queryKey: ['start-check', 'status'],
    queryFn: ({ signal }) =>
      callApi(operations.getStatus, {}, { signal: AbortSignal.any([signal, AbortSignal.timeout(START_CHECK_TIMEOUT_MS)]) }),
    retry: false,
    staleTime: Infinity,
  }),
};

/** Account changes reach the provider like the journey's calls: never retried, one at a time. */
export const accountMutations = {
  setEmail: providerMutation(['account', 'set-email'], operations.setAccountEmail),
  verifyEmail: providerMutation(['account', 'verify-email'], operations.verifyAccountEmail),
  removeEmail: providerMutation(['account', 'remove-email'], operations.removeAccountEmail),
  setPin: providerMutation(['account', 'set-pin'], operations.setPin),
  removePin: providerMutation(['account', 'remove-pin'], operations.removePin),
};
