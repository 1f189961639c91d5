import { describe, expect, it } from 'vitest';
import { T0, buildCodeContext, phone } from '../test/builders';
import { STORAGE_KEY, readStoredState, restoreState, resumeAfterReload, writeStoredState } from './persistence';
import { initialState, type FlowState } from './state';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const awaiting: FlowState = {
  step: 'awaitingCode',
  phone,
  code: buildCodeContext({ sentMethod: 'sms', resendAt: T0 + 60_000 }),
  notice: 'wrong-code',
  error: { code: 'NETWORK' },
};

describe('flow persistence', () => {
  it('writes a versioned record and reads the same step back, without the passing error', () => {
    const storage = memoryStorage();
    writeStoredState(storage, awaiting);
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toMatchObject({ v: 1, state: { step: 'awaitingCode' } });
    expect(readStoredState(storage)).toEqual({ ...awaiting, error: null });
  });

  it.each(['not json', JSON.stringify({ v: 99, state: awaiting }), JSON.stringify({ v: 1, state: { step: 'awaitingCode' } })])(
    'discards a record that does not parse: %s',
    (raw) => {
      const storage = memoryStorage({ [STORAGE_KEY]: raw });
      expect(restoreState(storage, T0)).toBe(initialState);
      expect(storage.data.has(STORAGE_KEY)).toBe(false);
    },
  );

  it('refuses a record carrying a field the state does not have, such as a code', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ v: 1, state: { ...awaiting, typedCode: '123456' } }) });
    expect(readStoredState(storage)).toBeNull();
  });

  it('clears the record on start over', () => {
    const storage = memoryStorage();
    writeStoredState(storage, awaiting);
    writeStoredState(storage, initialState);
    expect(storage.data.size).toBe(0);
  });

  it('brings a lost code request back as "may have been sent", never as a new request', () => {
    const requesting: FlowState = { step: 'requestingCode', phone, code: buildCodeContext(), method: 'voice', from: 'choosingMethod' };
    expect(resumeAfterReload(requesting, T0)).toMatchObject({
      step: 'codeOutcomeUnknown',
      method: 'voice',
      code: { sentMethod: 'voice', resendAt: T0 + 60_000 },
    });
  });

  it.each([
    [{ step: 'checkingAvailability', phone, previous: null }, 'phoneEntry'],
    [{ step: 'confirmingCode', phone, code: buildCodeContext() }, 'awaitingCode'],
    [{ step: 'confirmingPin', phone }, 'awaitingPin'],
    [{ step: 'recoveringPin', phone }, 'awaitingPin'],
    [{ step: 'confirmingTransfer', phone }, 'awaitingTransfer'],
    [{ step: 'submittingAppeal', phone }, 'bannedAppealable'],
    [{ step: 'connected', phone }, 'connected'],
  ] satisfies Array<[FlowState, FlowState['step']]>)('returns a reloaded %o to %s', (state, step) => {
    expect(resumeAfterReload(state, T0).step).toBe(step);
  });

  it('works when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(restoreState(broken, T0)).toBe(initialState);
    expect(() => writeStoredState(broken, awaiting)).not.toThrow();
  });
});
