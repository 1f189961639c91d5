import { queryOptions } from '@tanstack/react-query';
import { callApi } from '../api/client';
import { instanceOperations } from '../contract/instance-operations';

/** How long the start-up check may hold the first screen before the journey is shown anyway. */
const START_CHECK_TIMEOUT_MS = 5_000;

/**
 * The status asked once when the console opens with no journey in progress. It never retries and
 * gives up quickly: any doubt shows the journey, which works whatever the instance's state.
 */
export const statusAtStart = queryOptions({
  // Its own key: refreshing the status elsewhere must not change what the first screen decided.
  queryKey: ['start-check', 'status'],
  queryFn: ({ signal }) =>
    callApi(instanceOperations.getStatus, {}, { signal: AbortSignal.any([signal, AbortSignal.timeout(START_CHECK_TIMEOUT_MS)]) }),
  retry: false,
  // Asked at boot, before the screen exists: a failure there is final, not asked again on mount.
  retryOnMount: false,
  staleTime: Infinity,
});
