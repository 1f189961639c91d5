import { describe, expect, it } from 'vitest';
import { dispatcher } from '../flow/dispatch';
import { createFlowStore } from '../flow/store';
import { initialState } from '../flow/state';
import { buildAvailable, buildSent, phone, T0 } from '../test/builders';
import type { Bridge, OutgoingMessage } from './bridge';
import { reportFlow } from './reporting';

function recordingBridge(): Bridge & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { sent, post: (message) => sent.push(message), dispose: () => undefined };
}

describe('reporting the flow to the portal', () => {
  it('posts ready and the first step, then each new step, connected, and each new error code', () => {
    const store = createFlowStore(initialState);
    const dispatch = dispatcher(store);
    const bridge = recordingBridge();
    const stop = reportFlow(bridge, store);
    dispatch({ type: 'PHONE_SUBMITTED', phone });
    dispatch({ type: 'AVAILABILITY_RESOLVED', result: buildAvailable(), now: T0 });
    dispatch({ type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    dispatch({ type: 'REQUEST_FAILED', error: { code: 'TOKEN_EXPIRED' }, now: T0 });
    dispatch({ type: 'CODE_REQUESTED', method: 'sms', now: T0 });
    dispatch({ type: 'CODE_REQUEST_RESOLVED', result: buildSent(), now: T0 });
    dispatch({ type: 'CODE_SUBMITTED' });
    dispatch({ type: 'CODE_RESOLVED', result: { outcome: 'connected' } });
    stop();
    dispatch({ type: 'START_OVER' });

    expect(bridge.sent).toEqual([
      { type: 'ready' },
      { type: 'step', step: 'phoneEntry' },
      { type: 'step', step: 'checkingAvailability' },
      { type: 'step', step: 'choosingMethod' },
      { type: 'step', step: 'requestingCode' },
      { type: 'step', step: 'choosingMethod' },
      { type: 'error', code: 'TOKEN_EXPIRED' },
      { type: 'step', step: 'requestingCode' },
      { type: 'step', step: 'awaitingCode' },
      { type: 'step', step: 'confirmingCode' },
      { type: 'step', step: 'connected' },
      { type: 'connected' },
    ]);
    expect(JSON.stringify(bridge.sent)).not.toContain(phone.phone);
  });
});
