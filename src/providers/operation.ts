import type { z } from 'zod';
import type { OperationInput, OperationName, OperationOutput } from '../contract/operations';
import { failed, type Mapped, type OperationMapping, type UpstreamResponse } from './types';

/** A provider's rules for answers that are failures whatever the operation; null lets the body be mapped. */
export type FailureRules = (response: UpstreamResponse) => Mapped<never> | null;

export interface OperationSpec<N extends OperationName, S extends z.ZodType> {
  toUpstream: OperationMapping<N>['toUpstream'];
  /** The provider's answer, loosely: every documented variant must parse. */
  schema: S;
  fromBody(body: z.infer<S>, input: OperationInput<N>): Mapped<OperationOutput<N>>;
  /** A documented meaning of a non-200 status, checked before the shared failure rules. */
  byStatus?(response: UpstreamResponse): Mapped<OperationOutput<N>> | null;
}

/**
 * One provider operation: its own status meanings, the provider's shared failure rules, then the
 * body parsed with the operation's schema (an answer that does not parse is a provider error),
 * then the operation's own mapping.
 */
export function providerOperation<N extends OperationName, S extends z.ZodType>(
  rules: FailureRules,
  spec: OperationSpec<N, S>,
): OperationMapping<N> {
  return {
    toUpstream: spec.toUpstream,
    fromUpstream(response, input) {
      const special = spec.byStatus?.(response);
      if (special) return special;
      const failure = rules(response);
      if (failure) return failure;
      const parsed = spec.schema.safeParse(response.body);
      return parsed.success ? spec.fromBody(parsed.data, input) : failed('PROVIDER_ERROR');
    },
  };
}
