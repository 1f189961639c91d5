import { describe, expect, it } from 'vitest';
import { choosing, modeTransition, resumeMode, type ModeEvent, type ModeState } from './mode';
import { MODE_STORAGE_KEY, restoreMode, writeStoredMode } from './persistence';
import { initialState } from './state';

const phone = { ddi: '55', phone: '11987654321' };
const NOW = Date.UTC(2026, 11, 2, 12);

function run(events: ModeEvent[], from: ModeState = choosing): ModeState {
  return events.reduce(modeTransition, from);
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the mode machine', () => {
  it('takes the operator from the choice through linking by code to linked', () => {
    const issued = { code: 'ABCD1234', deadline: NOW + 60_000, renewal: false };
    expect(run([{ type: 'LINK_CHOSEN' }, { type: 'LINK_BY_CODE' }, { type: 'LINK_PHONE_SUBMITTED', phone }, { type: 'LINK_CODE_ISSUED', issued }])).toEqual({
      mode: 'link',
      link: { view: 'code', phone, issued },
    });
    expect(run([{ type: 'LINK_CHOSEN' }, { type: 'LINK_BY_QR' }, { type: 'LINKED', phone: null }])).toEqual({ mode: 'link', link: { view: 'connected', phone: null } });
  });

  it('keeps the number when the operator goes back to change it, and goes back to the choice from anywhere', () => {
    const atCode = run([{ type: 'LINK_CHOSEN' }, { type: 'LINK_BY_CODE' }, { type: 'LINK_PHONE_SUBMITTED', phone }]);
    expect(modeTransition(atCode, { type: 'LINK_OTHER_NUMBER' })).toEqual({ mode: 'link', link: { view: 'phone', phone } });
    expect(modeTransition(atCode, { type: 'BACK_TO_CHOICE' })).toEqual(choosing);
    expect(modeTransition({ mode: 'register' }, { type: 'BACK_TO_CHOICE' })).toEqual(choosing);
  });

  it('refuses an event that does not apply where the operator is, returning the same object', () => {
    const registering: ModeState = { mode: 'register' };
    expect(modeTransition(registering, { type: 'LINK_BY_CODE' })).toBe(registering);
    expect(modeTransition(choosing, { type: 'LINKED', phone })).toBe(choosing);
    const atMethod = run([{ type: 'LINK_CHOSEN' }]);
    expect(modeTransition(atMethod, { type: 'LINK_CODE_ISSUED', issued: { code: 'X', deadline: NOW, renewal: false } })).toBe(atMethod);
    expect(modeTransition(atMethod, { type: 'REGISTER_CHOSEN' })).toBe(atMethod);
  });
});

describe('where a reload returns', () => {
  const atCode = (deadline: number): ModeState => ({ mode: 'link', link: { view: 'code', phone, issued: { code: 'ABCD1234', deadline, renewal: false } } });

  it('resumes on a pairing code still alive, and at the link choice once it expired or for a QR', () => {
    expect(resumeMode(atCode(NOW + 1_000), NOW)).toEqual(atCode(NOW + 1_000));
    expect(resumeMode(atCode(NOW), NOW)).toEqual({ mode: 'link', link: { view: 'method' } });
    expect(resumeMode({ mode: 'link', link: { view: 'qr' } }, NOW)).toEqual({ mode: 'link', link: { view: 'method' } });
    expect(resumeMode({ mode: 'link', link: { view: 'phone', phone } }, NOW)).toEqual({ mode: 'link', link: { view: 'phone', phone } });
    expect(resumeMode({ mode: 'link', link: { view: 'connected', phone } }, NOW)).toEqual(choosing);
  });

  it('is kept in the tab’s storage, and a registration under way wins over it', () => {
    const storage = memoryStorage();
    writeStoredMode(storage, atCode(NOW + 30_000));
    expect(restoreMode(storage, initialState, NOW)).toEqual(atCode(NOW + 30_000));
    expect(restoreMode(storage, { step: 'connected', phone }, NOW)).toEqual({ mode: 'register' });
    writeStoredMode(storage, choosing);
    expect(storage.items.has(MODE_STORAGE_KEY)).toBe(false);
  });

  it('discards what does not parse', () => {
    const storage = memoryStorage();
    storage.setItem(MODE_STORAGE_KEY, JSON.stringify({ mode: 'link', link: { view: 'code', phone } }));
    expect(restoreMode(storage, initialState, NOW)).toEqual(choosing);
    expect(storage.items.has(MODE_STORAGE_KEY)).toBe(false);
  });
});
