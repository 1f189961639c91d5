import { mutationOptions } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import type { OperationDefinition } from '../contract/operation';
import { callApi } from './client';

/**
 * Provider calls share one scope, so they run one after another even if two were started
 * (the flow machine already refuses a second one while the first is pending).
 */
const PROVIDER_SCOPE = { id: 'provider' };

/** A call that changes something at the provider: never retried (the query client's default), one at a time. */
export function providerMutation<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(
  mutationKey: readonly string[],
  operation: OperationDefinition<Req, Res>,
) {
  return mutationOptions({
    mutationKey,
    mutationFn: (input: z.input<Req>) => callApi(operation, input),
    scope: PROVIDER_SCOPE,
  });
}
