import type { FlowState } from './state';

/** Holds one state for every screen that reads it, and tells them when it changes. */
export interface Store<S> {
  getState: () => S;
  /** Puts a new state in place and tells everyone; the same state changes nothing. */
  replace: (next: S) => void;
  subscribe: (listener: (state: S) => void) => () => void;
}

/**
 * Holds the journey's state. It knows no transitions: those (src/flow/machine.ts) come with the
 * screens that dispatch events (src/flow/dispatch.ts), so the first screen's chunk carries none of them.
 */
export type FlowStore = Store<FlowState>;

export function createStore<S>(initial: S, onChange?: (state: S) => void): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
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

export const createFlowStore: (initial: FlowState, onChange?: (state: FlowState) => void) => FlowStore = createStore;
