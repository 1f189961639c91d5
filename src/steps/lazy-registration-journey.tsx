import { Suspense, use } from 'react';
import { Loading } from '../account/loading';
import { AllMessages } from '../app/all-messages';
import { preloadable } from '../app/preloadable';
import type { FlowStore } from '../flow/store';

/**
 * The registration journey (its steps and the form library) is its own chunk: the first screen is
 * the choice, which needs none of it. The boot fetches it early, so a quick click does not wait.
 */
export const loadRegistrationJourney = preloadable(() => import('./registration-journey'));

function Journey({ store }: { store: FlowStore }) {
  const { RegistrationJourney } = use(loadRegistrationJourney());
  return <RegistrationJourney store={store} />;
}

export function LazyRegistrationJourney({ store }: { store: FlowStore }) {
  return (
    <Suspense fallback={<Loading />}>
      <AllMessages>
        <Journey store={store} />
      </AllMessages>
    </Suspense>
  );
}
