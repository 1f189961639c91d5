import { queryOptions } from '@tanstack/react-query';
import { callApi } from '../api/client';
import { handoffOperations } from '../contract/handoff';
import { journeyOperations } from '../contract/journey';

/** While a link is live, the console asks where the journey is this often: it moves on within 2 s of the owner. */
export const JOURNEY_POLL_MS = 1_500;

export const journeyQuery = queryOptions({
  queryKey: ['handoff', 'journey'],
  queryFn: ({ signal }) => callApi(journeyOperations.getJourney, {}, { signal }),
  retry: false,
  staleTime: 0,
});

export const handoffApi = {
  create: () => callApi(handoffOperations.createHandoff, {}),
  revoke: () => callApi(handoffOperations.revokeHandoff, {}),
};

/** The owner's address for a token: the console's `/h/` page (the demo: its own page), token in the fragment. */
export function ownerLink(token: string): string {
  const page = import.meta.env.MODE === 'demo' ? (window.location.href.split('#')[0] ?? '') : new URL('/h/', window.location.href).href;
  return `${page}#/handoff/${token}`;
}
