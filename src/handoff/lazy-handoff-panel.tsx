import { Suspense, use } from 'react';
import { preloadable } from '../app/preloadable';
import type { HandoffStep } from '../contract/journey';
import type { FlowStore } from '../flow/store';

/** The hand-off panel (and its QR encoder) is a chunk of its own, fetched when a code or PIN step shows. */
export const loadHandoffPanel = preloadable(() => import('./handoff-panel'));

function Panel(props: { store: FlowStore; step: HandoffStep }) {
  const { HandoffPanel } = use(loadHandoffPanel());
  return <HandoffPanel {...props} />;
}

export function LazyHandoffPanel(props: { store: FlowStore; step: HandoffStep }) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
