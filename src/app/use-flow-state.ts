import { useSyncExternalStore } from 'react';
import type { FlowState } from '../flow/state';
import type { FlowStore } from '../flow/store';

export function useFlowState(store: FlowStore): FlowState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
