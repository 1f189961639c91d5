import type { z } from 'zod';
import type { ErrorCode } from '../../contract/errors';
import type { OperationInput, OperationName, OperationOutput } from '../../contract/operations';
import { failed, type Mapped, type OperationMapping, type UpstreamResponse } from '../types';

/**
 * Wawp's statuses as its request-code page lists them (bodies undocumented, so never read):
 * 400 missing parameter, 401 bad access token, 404 no such session — the proxy's configuration or
 * the instance is wrong, so the provider refused; 422 the session is not waiting for a login, which
 * passes if asked again; 500 Wawp failed; 502 Wawp could not reach its WhatsApp engine.
 */
export function wawpFailure(response: UpstreamResponse): Mapped<never> | null {
  if (response.status === 200 || response.status === 201) return null;
  const known: Record<number, ErrorCode> = {
    400: 'PROVIDER_REJECTED',
    401: 'PROVIDER_REJECTED',
    404: 'PROVIDER_REJECTED',
    422: 'LINK_NOT_READY',
    500: 'PROVIDER_ERROR',
    502: 'UPSTREAM_UNAVAILABLE',
  };
  const code = known[response.status] ?? (response.status >= 500 ? 'PROVIDER_ERROR' : 'PROVIDER_REJECTED');
  return failed(code);
}

interface WawpOperationSpec<N extends OperationName, S extends z.ZodType> {
  toUpstream: OperationMapping<N>['toUpstream'];
  schema: S;
  fromBody(body: z.infer<S>, input: OperationInput<N>): Mapped<OperationOutput<N>>;
}

/** One Wawp operation: status rules, then the body parsed loosely (a body that does not parse is a provider error). */
export function wawpOperation<N extends OperationName, S extends z.ZodType>(
  _name: N,
  spec: WawpOperationSpec<N, S>,
): OperationMapping<N> {
  return {
    toUpstream: spec.toUpstream,
    fromUpstream(response, input) {
      const failure = wawpFailure(response);
      if (failure) return failure;
      const parsed = spec.schema.safeParse(response.body);
      return parsed.success ? spec.fromBody(parsed.data, input) : failed('PROVIDER_ERROR');
    },
  };
}
