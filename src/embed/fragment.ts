/**
 * The portal passes the embed token in the URL fragment (`#t=…`), which browsers never send to a
 * server or in a Referer. It is read and removed from the address before anything else runs, so
 * no later code, history entry or error report can see it.
 */
export function takeEmbedToken(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith('#')) return null;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get('t');
  if (token === null) return null;
  params.delete('t');
  const rest = params.toString();
  const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
  return token;
}

/** Inside a frame of another page: the only case in which the embedding code is loaded. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // Reading `top` across origins may throw in old browsers; that too means framed.
    return true;
  }
}
