// The portal's side of the embedding contract (docs/embedding.md), in plain browser JavaScript.
// The console's address and the instance come from the portal's own back end (/portal-config).
(async () => {
  const config = await (await fetch('/portal-config')).json();
  const consoleOrigin = new URL(config.consoleUrl).origin;
  const frame = document.getElementById('console');
  const list = document.getElementById('messages');
  document.getElementById('instance').textContent = config.instance;

  /** A fresh, single-use token from the portal's back end, for one frame load or one renewal. */
  async function mintToken() {
    const response = await fetch('/embed-token', { method: 'POST' });
    return (await response.json()).token;
  }

  const received = [];
  window.portal = {
    received,
    /** Sends one message to the console, to its exact origin only. */
    send: (message) => frame.contentWindow.postMessage(message, consoleOrigin),
  };

  window.addEventListener('message', async (event) => {
    // Only the console's origin, and only from the frame we made.
    if (event.origin !== consoleOrigin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (typeof message !== 'object' || message === null || message.v !== 1) return;
    received.push(message);
    const item = document.createElement('li');
    item.textContent = message.type + (message.step ? ` ${message.step}` : '') + (message.code ? ` ${message.code}` : '') + (message.event ? ` ${message.event}` : '');
    list.append(item);
    if (message.type === 'height') frame.style.height = `${message.height}px`;
    if (message.type === 'token-expired') window.portal.send({ v: 1, type: 'token', token: await mintToken() });
  });

  // The token goes in the fragment, which the browser never sends to any server.
  frame.src = `${config.consoleUrl}#t=${encodeURIComponent(await mintToken())}`;
})();
