import type { z } from 'zod';
import type { ErrorCode } from '../../contract/errors';
import type { OperationName } from '../../contract/operations';
import { failed, type Mapped, type OperationMapping, type UpstreamResponse } from '../types';
import { providerOperation, type OperationSpec } from '../operation';

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

/** One Wawp operation, with Wawp's status rules (see providerOperation); bodies are parsed loosely. */
export function wawpOperation<N extends OperationName, S extends z.ZodType>(
  _name: N,
  spec: OperationSpec<N, S>,
): OperationMapping<N> {
  return providerOperation(wawpFailure, spec);
}
