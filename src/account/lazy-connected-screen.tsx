import { Suspense, use } from 'react';
import { AllMessages } from '../app/all-messages';
import { preloadable } from '../app/preloadable';
import type { ConnectedScreenProps } from './connected-screen';
import { Loading } from './loading';

/**
 * The connected screen is its own chunk: the first screen of most visits is the choice. The boot
 * fetches it as soon as it knows the instance is connected.
 */
export const loadConnectedScreen = preloadable(() => import('./connected-screen'));

function ConnectedScreen(props: ConnectedScreenProps) {
  const { ConnectedScreen: Screen } = use(loadConnectedScreen());
  return <Screen {...props} />;
}

export function LazyConnectedScreen(props: ConnectedScreenProps) {
  return (
    <Suspense fallback={<Loading />}>
      <AllMessages>
        <ConnectedScreen {...props} />
      </AllMessages>
    </Suspense>
  );
}
