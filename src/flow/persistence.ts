import { z } from 'zod/mini';
import { choosing, modeStateSchema, openingMode, resumeMode, type ModeState } from './mode';
import { assumeCodeMaybeSent } from './resend-wait';
import { flowStateSchema, initialState, isFreshStart, type FlowState } from './state';

export const STORAGE_KEY = 'wa-onboarding:flow';
const VERSION = 1;

const storedSchema = z.strictObject({ v: z.literal(VERSION), state: flowStateSchema });

/**
 * What a reload brings back. The state holds no secret by construction (codes, PINs, captcha
 * answers and appeal tokens are never part of it); a record that does not parse is discarded.
 */
export function readStoredState(storage: Pick<Storage, 'getItem' | 'removeItem'>): FlowState | null {
  return readStored(storage, STORAGE_KEY, storedSchema)?.state ?? null;
}

/** What `key` holds, when it parses with `schema`; a record that does not is removed. */
function readStored<T>(storage: Pick<Storage, 'getItem' | 'removeItem'>, key: string, schema: z.ZodMiniType<T>): T | null {
  const raw = safely(() => storage.getItem(key));
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  safely(() => storage.removeItem(key));
  return null;
}

export function writeStoredState(storage: Pick<Storage, 'setItem' | 'removeItem'>, state: FlowState): void {
  safely(() => {
    if (isFreshStart(state)) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, JSON.stringify({ v: VERSION, state: withoutTransient(state) }));
  });
}

/** Errors belong to the moment they happened; a reload starts the step clean. */
function withoutTransient(state: FlowState): FlowState {
  return 'error' in state ? { ...state, error: null } : state;
}

/**
 * A step that was waiting for an answer when the page went away cannot know that answer now.
 * It returns to the step it came from; a code request returns to "may have been sent", because
 * sending again could cost a second SMS.
 */
export function resumeAfterReload(state: FlowState, now: number): FlowState {
  switch (state.step) {
    case 'checkingAvailability':
      return { step: 'phoneEntry', phone: state.phone, error: null };
    case 'requestingCode':
      return {
        step: 'codeOutcomeUnknown',
        phone: state.phone,
        code: assumeCodeMaybeSent(state.code, state.method, now),
        method: state.method,
        error: null,
      };
    case 'submittingCaptcha':
      return { step: 'solvingCaptcha', phone: state.phone, code: state.code, method: state.method, image: state.image, notice: null, error: null };
    case 'confirmingCode':
      return { step: 'awaitingCode', phone: state.phone, code: state.code, notice: null, error: null };
    case 'confirmingPin':
    case 'recoveringPin':
      return { step: 'awaitingPin', phone: state.phone, notice: null, error: null };
    case 'confirmingTransfer':
      return { step: 'awaitingTransfer', phone: state.phone, notice: null, error: null };
    case 'submittingAppeal':
      return { step: 'bannedAppealable', phone: state.phone, notice: null, error: null };
    default:
      return state;
  }
}

export function restoreState(storage: Pick<Storage, 'getItem' | 'removeItem'>, now: number): FlowState {
  const stored = readStoredState(storage);
  return stored ? resumeAfterReload(stored, now) : initialState;
}

export const MODE_STORAGE_KEY = 'wa-onboarding:mode';

/**
 * The way taken above the journey, as a reload finds it (see `resumeMode`). A journey under way is
 * where a reload returns, whatever the way said.
 */
export function restoreMode(storage: Pick<Storage, 'getItem' | 'removeItem'>, journey: FlowState, now: number): ModeState {
  const saved = readStored(storage, MODE_STORAGE_KEY, modeStateSchema);
  return openingMode(saved ? resumeMode(saved, now) : choosing, journey);
}

export function writeStoredMode(storage: Pick<Storage, 'setItem' | 'removeItem'>, mode: ModeState): void {
  safely(() => {
    if (mode.mode === 'choose') storage.removeItem(MODE_STORAGE_KEY);
    else storage.setItem(MODE_STORAGE_KEY, JSON.stringify(mode));
  });
}

function safely<T>(action: () => T): T | null {
  try {
    return action();
  } catch {
    // Storage may be disabled (privacy settings, sandboxed frames); the journey works without it.
    return null;
  }
}

/** sessionStorage, or a memory stand-in where the browser refuses it (sandboxed frames). */
export function sessionStorageOrMemory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const storage = window.sessionStorage;
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}
