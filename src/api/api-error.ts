import type { FlowError, FlowErrorCode } from '../flow/state';

/** Every failure of a proxy call, as one of the catalogue codes or a browser-side code. */
export class ApiError extends Error {
  constructor(
    readonly code: FlowErrorCode,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function toFlowError(error: unknown): FlowError {
  if (!(error instanceof ApiError)) return { code: 'NETWORK' };
  if (error.code === 'INVALID_REQUEST' && 'phone' in error.fields) return { code: error.code, field: 'phone' };
  return error.retryAfterSeconds === undefined
    ? { code: error.code }
    : { code: error.code, retryAfterSeconds: error.retryAfterSeconds };
}
