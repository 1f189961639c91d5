import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Failures worth one more try for a read: the network, the provider or the proxy's shared state, never a refusal. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return ['NETWORK', 'CLIENT_TIMEOUT', 'INVALID_RESPONSE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_RESET', 'PROVIDER_ERROR', 'STATE_UNAVAILABLE'].includes(error.code);
}

/**
 * Mutations reach the provider and may send an SMS: they never retry and never wait for the
 * network to come back (`networkMode: 'always'` turns offline into an immediate error).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      mutations: { retry: 0, networkMode: 'always' },
      queries: {
        networkMode: 'always',
        retry: (failures, error) => failures < 2 && isTransient(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}
