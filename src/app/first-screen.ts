import type { QueryClient } from '@tanstack/react-query';
import { loadConnectedScreen } from '../account/lazy-connected-screen';
import { statusAtStart } from '../account/start-check';
import { brandOptions } from '../api/brand';
import { capabilitiesOptions } from '../api/capabilities';
import { isFreshStart } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { loadLinking } from '../linking/lazy-linking';
import { loadRegistrationJourney } from '../steps/lazy-registration-journey';

/**
 * Everything the first screen waits for, asked at once instead of one after the other (the locale
 * is already on its way): on a fresh start the instance's status and capabilities (and the
 * connected screen's chunk once the status says so), with the chunks of both ways on fetched
 * alongside, so a quick click does not wait; a journey under way needs its own chunk.
 * Resolves when the first screen can render without a loading line (never rejects: a failure is
 * handled, retried or shown, by the screen that reads the answer).
 */
export function startFirstScreen(queryClient: QueryClient, store: FlowStore): Promise<void> {
  const state = store.getState();
  // The header's brand, so it shows from the first frame instead of replacing the console's name.
  const brand = queryClient.query(brandOptions);
  if (!isFreshStart(state)) {
    return settled([brand, loadRegistrationJourney(), ...(state.step === 'connected' ? [loadConnectedScreen()] : [])]);
  }
  const status = queryClient.query(statusAtStart).then((answer) => (answer.connected ? loadConnectedScreen() : undefined));
  const capabilities = queryClient.query(capabilitiesOptions);
  // A journey begun in another tab or browser resumes at its true step.
  const journey = loadRegistrationJourney().then((module) => module.resumeFromProxy(store));
  void settled([loadLinking()]);
  return settled([brand, status, capabilities, journey]);
}

function settled(pending: Array<Promise<unknown>>): Promise<void> {
  return Promise.allSettled(pending).then(() => undefined);
}
