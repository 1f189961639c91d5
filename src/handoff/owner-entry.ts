import type { Step } from '../flow/state';

/**
 * The step the number's owner moved the journey to (through a hand-off link), so that screen can
 * say who typed it. Set by the hand-off panel when it follows the owner's entry.
 */
let movedTo: Step | null = null;
const listeners = new Set<() => void>();

export function noteOwnerEntry(step: Step | null): void {
  movedTo = step;
  for (const listener of listeners) listener();
}

export const ownerEnteredStep = (): Step | null => movedTo;

export function onOwnerEntry(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
