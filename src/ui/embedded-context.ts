import { createContext } from 'react';

/**
 * True inside a portal's frame. There a session failure is not fixed by reloading (the token is
 * gone from the address): the portal renews the session, so no reload button is offered for it.
 */
export const EmbeddedContext = createContext(false);
