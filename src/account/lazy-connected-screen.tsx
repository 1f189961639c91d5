import { lazy, Suspense } from 'react';
import type { ConnectedScreenProps } from './connected-screen';
import { Loading } from './loading';

/** The connected screen is its own chunk: the first screen of most visits is the phone step. */
const ConnectedScreen = lazy(() => import('./connected-screen').then((module) => ({ default: module.ConnectedScreen })));

export function LazyConnectedScreen(props: ConnectedScreenProps) {
  return (
    <Suspense fallback={<Loading />}>
      <ConnectedScreen {...props} />
    </Suspense>
  );
}
