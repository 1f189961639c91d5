import { describe, expect, it } from 'vitest';
import { createMemoryFlowStateStore, type FlowRecord } from './flow-state-store';

const record: FlowRecord = {
  number: '55:11987654321',
  step: 'available',
  deadlines: { sms: 0, voice: null, wa_old: 5 },
  resendAt: 0,
  sentMethod: null,
  captchaMethod: null,
  codeIssuedAt: null,
  wrongCodes: 0,
  wrongPins: 0,
  captchaAnswers: 0,
  parked: {},
  checked: {},
};

describe('the in-memory flow-state store', () => {
  it('keeps one record per instance key', async () => {
    const store = createMemoryFlowStateStore();
    await store.write('a', record);
    expect(await store.read('a')).toEqual(record);
    expect(await store.read('b')).toBeUndefined();
  });

  it('returns the attempts inside the window, oldest first, and forgets older ones', async () => {
    const store = createMemoryFlowStateStore();
    for (const at of [100, 200, 300]) await store.addAttempt('k', at);
    expect(await store.attemptsSince('k', 150)).toEqual([200, 300]);
    // 100 was dropped: a wider window no longer sees it.
    expect(await store.attemptsSince('k', 0)).toEqual([200, 300]);
    expect(await store.attemptsSince('k', 1_000)).toEqual([]);
    expect(await store.attemptsSince('other', 0)).toEqual([]);
  });
});
