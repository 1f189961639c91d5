import { z } from 'zod/mini';
import { errorBodySchema } from '../contract/errors';
import type { OperationDefinition } from '../contract/operation';
import { ApiError } from './api-error';

/** A little above the proxy's own upstream timeout, so the proxy's answer normally wins. */
export const CLIENT_TIMEOUT_MS = 20_000;

export interface CallOptions {
  signal?: AbortSignal;
  /** Extra headers (the embedded session's bearer token). */
  headers?: Record<string, string>;
}

/** Who supplies the session's headers (embedded mode) and hears when the proxy refuses the session. */
export interface AuthProvider {
  headers: () => Record<string, string>;
  onRefused: (code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED') => void;
}

let auth: AuthProvider | null = null;

/** Set once by the embedded console; the standalone console has none. */
export function setAuthProvider(provider: AuthProvider | null): void {
  auth = provider;
}

/**
 * Calls one proxy operation. Offline fails at once without sending; every answer, good or bad, is
 * parsed with the contract, so a truncated or unexpected body becomes INVALID_RESPONSE, never data.
 */
export async function callApi<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(
  operation: OperationDefinition<Req, Res>,
  input: z.input<Req>,
  options: CallOptions = {},
): Promise<z.output<Res>> {
  if (isOffline()) throw new ApiError('OFFLINE', 0);

  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const isPost = operation.method === 'POST';
  let response: Response;
  try {
    response = await fetch(apiUrl(operation.path), {
      method: operation.method,
      headers: { accept: 'application/json', ...(isPost ? { 'content-type': 'application/json' } : {}), ...auth?.headers(), ...options.headers },
      body: isPost ? JSON.stringify(input) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch {
    if (timeout.aborted) throw new ApiError('CLIENT_TIMEOUT', 0);
    throw new ApiError(isOffline() ? 'OFFLINE' : 'NETWORK', 0);
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(timeout.aborted ? 'CLIENT_TIMEOUT' : 'INVALID_RESPONSE', response.status);
  }

  if (!response.ok) {
    const failure = errorBodySchema.safeParse(json);
    if (!failure.success) throw new ApiError('INVALID_RESPONSE', response.status);
    const { code, fields, retryAfterSeconds } = failure.data;
    if (code === 'UNAUTHORIZED' || code === 'TOKEN_EXPIRED') auth?.onRefused(code);
    throw new ApiError(code, response.status, fields, retryAfterSeconds);
  }
  const parsed = z.safeParse(operation.response, json);
  if (!parsed.success) throw new ApiError('INVALID_RESPONSE', response.status);
  return parsed.data;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine;
}

/** Absolute against the page, so it also works where fetch has no base URL of its own (tests). */
function apiUrl(path: string): string {
  return typeof location === 'undefined' ? path : new URL(path, location.href).href;
}
