import type { FlowStore } from '../flow/store';
import type { Bridge } from './bridge';

/**
 * Tells the portal where the operator is: `ready` once, then `step` on every change of step,
 * `connected` when the journey reaches it, and `error` with the catalogue code of each new failure.
 * Only codes and step names travel: never a number, a code the operator typed or a token.
 */
export function reportFlow(bridge: Bridge, store: FlowStore): () => void {
  let step = store.getState().step;
  let error: string | null = null;
  bridge.post({ type: 'ready' });
  bridge.post({ type: 'step', step });
  if (step === 'connected') bridge.post({ type: 'connected' });
  return store.subscribe((state) => {
    if (state.step !== step) {
      step = state.step;
      bridge.post({ type: 'step', step });
      if (step === 'connected') bridge.post({ type: 'connected' });
    }
    const code = 'error' in state && state.error ? state.error.code : null;
    if (code && code !== error) bridge.post({ type: 'error', code });
    error = code;
  });
}

/** Reports the console's height whenever it changes, so the portal can size the frame to fit. */
export function reportHeight(bridge: Bridge, element: HTMLElement): () => void {
  let last = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    bridge.post({ type: 'height', height });
  });
  observer.observe(element);
  return () => observer.disconnect();
}
