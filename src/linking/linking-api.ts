import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callApi } from '../api/client';
import { providerMutation } from '../api/provider-mutation';
import { accountQueries } from '../account/account-api';
import { linkingOperations } from '../contract/linking-operations';

/** How often the instance's status is asked while a code or a QR waits for the phone. */
export const STATUS_POLL_MS = 3_000;

/** A code request never retries by itself except where the provider said "ask again" (the screen decides). */
export const pairingCodeMutation = providerMutation(['linking', 'pairing-code'], linkingOperations.requestPairingCode);

/** One QR image per key: each refresh is a new key, so an old image is never shown as the new one. */
export function qrQuery(round: number, attempt: number) {
  return queryOptions({
    queryKey: ['linking', 'qr', round, attempt],
    queryFn: ({ signal }) => callApi(linkingOperations.getQrCode, {}, { signal }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Follows the instance's status while the phone links it and calls `onConnected` once it is. The
 * same query as the connected screen's, so that screen opens with the answer already there.
 */
export function useConnectedWatch(enabled: boolean, onConnected: () => void): void {
  const status = useQuery({ ...accountQueries.status, refetchInterval: STATUS_POLL_MS, enabled });
  const connected = enabled && status.data?.connected === true;
  useEffect(() => {
    if (connected) onConnected();
  }, [connected, onConnected]);
}
