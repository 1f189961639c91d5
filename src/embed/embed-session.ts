import { setAuthProvider } from '../api/client';
import { ApiError } from '../api/api-error';
import { callApi } from '../api/client';
import { embedSessionOperation, type EmbedSessionAnswer } from '../contract/embed';

export type SessionStatus = 'active' | 'expired' | 'renewed';

export interface EmbedSession {
  parentOrigin: string;
  instance: string;
  status: () => SessionStatus;
  subscribe: (listener: (status: SessionStatus) => void) => () => void;
  /** Exchanges a fresh token from the portal; a token for another origin or instance is refused. */
  renew: (token: string) => Promise<boolean>;
}

export async function exchangeToken(token: string): Promise<EmbedSessionAnswer | null> {
  try {
    return await callApi(embedSessionOperation, { token });
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/**
 * The session lives in this closure only (never Web Storage): a reload or a new frame needs a new
 * token from the portal. Every API call carries it as a bearer header; when the proxy refuses it,
 * `onExpired` runs once, and the flow stays where it is until `renew` succeeds.
 */
export function startEmbedSession(first: EmbedSessionAnswer, onExpired: () => void): EmbedSession {
  let bearer = first.session;
  let status: SessionStatus = 'active';
  let exchanging = false;
  const listeners = new Set<(status: SessionStatus) => void>();
  const set = (next: SessionStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
  };

  setAuthProvider({
    headers: () => ({ authorization: `Bearer ${bearer}` }),
    onRefused: () => {
      if (exchanging || status === 'expired') return;
      set('expired');
      onExpired();
    },
  });

  return {
    parentOrigin: first.parentOrigin,
    instance: first.instance,
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async renew(token) {
      exchanging = true;
      const next = await exchangeToken(token).finally(() => {
        exchanging = false;
      });
      if (!next || next.parentOrigin !== first.parentOrigin || next.instance !== first.instance) return false;
      bearer = next.session;
      set('renewed');
      return true;
    },
  };
}
