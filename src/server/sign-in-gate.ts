import type { ApiReply } from '../gateway/api-call';

/**
 * Whether a request that carried the right credential may go on: null, or the reply that refuses it
 * (its client is locked out after too many failed sign-ins). Asked of the store the first time it is
 * called, so a guarded call can send it in the round trip of its turn; later calls get the same answer.
 * It rejects when the store cannot be read (the caller answers 503 and asks nothing of the provider).
 */
export type SignInGate = () => Promise<ApiReply | null>;

/** The gate of a request with nothing left to ask: admitted before its handler ran, or not signed in at all. */
export const openSignInGate: SignInGate = () => Promise.resolve(null);

/** A gate that asks `admit` once, on first use; a rejection is kept (and handled) like an answer. */
export function lazySignInGate(admit: () => Promise<ApiReply | null>): SignInGate {
  let answer: Promise<ApiReply | null> | null = null;
  return () => {
    if (!answer) {
      answer = admit();
      // Started from a read that does not await it; whoever awaits it handles the failure.
      answer.catch(() => undefined);
    }
    return answer;
  };
}
