import type { FlowEvent } from './events';
import { transition } from './machine';
import type { FlowState } from './state';

export interface FlowStore {
  getState: () => FlowState;
  /** Applies the event; false when the current state does not allow it (nothing changed). */
  dispatch: (event: FlowEvent) => boolean;
  subscribe: (listener: (state: FlowState) => void) => () => void;
}

export function createFlowStore(initial: FlowState, onChange?: (state: FlowState) => void): FlowStore {
  let state = initial;
  const listeners = new Set<(state: FlowState) => void>();
  return {
    getState: () => state,
    dispatch(event) {
      const next = transition(state, event);
      if (next === state) return false;
      state = next;
      onChange?.(state);
      for (const listener of listeners) listener(state);
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
