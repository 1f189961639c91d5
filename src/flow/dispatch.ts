import type { FlowEvent } from './events';
import { transition } from './machine';
import type { FlowStore } from './store';

/** Applies an event to the store's state; false when the current state does not allow it (nothing changed). */
export type Dispatch = (event: FlowEvent) => boolean;

export function dispatcher(store: FlowStore): Dispatch {
  return (event) => {
    const before = store.getState();
    const next = transition(before, event);
    if (next === before) return false;
    store.replace(next);
    return true;
  };
}
