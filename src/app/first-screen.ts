import type { QueryClient } from '@tanstack/react-query';
import { loadConnectedScreen } from '../account/lazy-connected-screen';
import { statusAtStart } from '../account/start-check';
import { capabilitiesOptions } from '../api/capabilities';
import { isFreshStart } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { loadLinking } from '../linking/lazy-linking';
import { loadRegistrationJourney } from '../steps/lazy-registration-journey';

/**
 * Everything the first screen waits for, asked at once instead of one after the other (the locale
 * is already on its way): on a fresh start the instance's status and capabilities, then the chunks
 * of both ways on, so a quick click does not wait (and the connected screen's, once the status says
 * so); a journey under way needs its own chunk.
 * The screens read the same queries and chunks, in flight or arrived.
 */
export function startFirstScreen(queryClient: QueryClient, store: FlowStore): void {
  const state = store.getState();
  if (!isFreshStart(state)) {
    early(loadRegistrationJourney());
    if (state.step === 'connected') early(loadConnectedScreen());
    return;
  }
  early(
    queryClient.query(statusAtStart).then((status) => {
      if (status.connected) early(loadConnectedScreen());
    }),
  );
  early(queryClient.query(capabilitiesOptions));
  early(loadRegistrationJourney());
  early(loadLinking());
}

/** Asked ahead of time: a failure is handled (retried or shown) by the screen that reads the answer. */
function early(loading: Promise<unknown>): void {
  loading.catch(() => undefined);
}
