import type { FlowState } from './state';

/**
 * Holds the journey's state for every screen. It knows no transitions: those (src/flow/machine.ts)
 * come with the screens that dispatch events (src/flow/dispatch.ts), so the first screen's chunk
 * carries none of them.
 */
export interface FlowStore {
  getState: () => FlowState;
  /** Puts a new state in place and tells everyone; the same state changes nothing. */
  replace: (next: FlowState) => void;
  subscribe: (listener: (state: FlowState) => void) => () => void;
}

export function createFlowStore(initial: FlowState, onChange?: (state: FlowState) => void): FlowStore {
  let state = initial;
  const listeners = new Set<(state: FlowState) => void>();
  return {
    getState: () => state,
    replace(next) {
      if (next === state) return;
      state = next;
      onChange?.(state);
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
