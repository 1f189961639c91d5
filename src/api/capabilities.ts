import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceCapabilities } from '../contract/instance';
import { instanceOperations } from '../contract/instance-operations';
import { callApi } from './client';
import { isTransient } from './query-client';

/** What the instance's provider supports. The proxy answers it from its adapter, so it never changes while the page is open. */
export const capabilitiesOptions = queryOptions({
  queryKey: ['instance', 'capabilities'],
  queryFn: ({ signal }) => callApi(instanceOperations.getCapabilities, {}, { signal }),
  staleTime: Infinity,
  // A read with no provider call behind it: one more try for a network blip, no more.
  retry: (failures, error) => failures < 1 && isTransient(error),
  // Asked at boot, before the screen exists: after a failure the screen offers everything at once.
  retryOnMount: false,
});

/** Every way offered: what the console did before it could ask, and still does when asking fails. */
const everything: InstanceCapabilities = { registration: true, linking: true, accountSecurity: true };

/** The instance's capabilities, or undefined while the answer is on its way; a failed read offers everything. */
export function useCapabilities(): InstanceCapabilities | undefined {
  const query = useQuery(capabilitiesOptions);
  return query.isError ? everything : query.data;
}
