import { Suspense, use } from 'react';
import { preloadable } from '../app/preloadable';

/** "What happened" and its three languages are a chunk of their own, fetched when the journey shows. */
export const loadWhatHappened = preloadable(() => import('./what-happened'));

function Panel() {
  const { WhatHappened } = use(loadWhatHappened());
  return <WhatHappened />;
}

export function LazyWhatHappened() {
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}
