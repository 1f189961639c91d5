import { MESSAGE_VERSION, portalMessageSchema, type ConsoleMessage, type PortalMessage } from './messages';

type Distribute<T> = T extends { v: number } ? Omit<T, 'v'> : never;
/** A console message without its version number, which the bridge adds. */
export type OutgoingMessage = Distribute<ConsoleMessage>;

/** What the bridge needs of a message event; a real MessageEvent fits. */
export interface IncomingEvent {
  origin: string;
  source: unknown;
  data: unknown;
}

/**
 * A message counts only if it comes from the session's parent origin (exact match, never a prefix
 * or a pattern), from the window that frames the console, and has the contract's shape. Anything
 * else is dropped without an answer, so a stranger learns nothing.
 */
export function acceptPortalMessage(event: IncomingEvent, parentOrigin: string, parent: unknown): PortalMessage | null {
  if (event.origin !== parentOrigin) return null;
  if (event.source === null || event.source !== parent) return null;
  const parsed = portalMessageSchema.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

export interface BridgeWindow {
  parent: { postMessage: (message: unknown, targetOrigin: string) => void };
  addEventListener: (type: 'message', listener: (event: IncomingEvent) => void) => void;
  removeEventListener: (type: 'message', listener: (event: IncomingEvent) => void) => void;
}

export interface Bridge {
  post: (message: OutgoingMessage) => void;
  dispose: () => void;
}

/** Talks to the portal: posts only to `parentOrigin`, hears only what `acceptPortalMessage` lets in. */
export function createBridge(view: BridgeWindow, parentOrigin: string, onMessage: (message: PortalMessage) => void): Bridge {
  const listener = (event: IncomingEvent) => {
    const message = acceptPortalMessage(event, parentOrigin, view.parent);
    if (message) onMessage(message);
  };
  view.addEventListener('message', listener);
  return {
    post: (message) => view.parent.postMessage({ v: MESSAGE_VERSION, ...message }, parentOrigin),
    dispose: () => view.removeEventListener('message', listener),
  };
}
