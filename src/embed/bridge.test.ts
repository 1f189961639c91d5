import { describe, expect, it, vi } from 'vitest';
import { acceptPortalMessage, createBridge, type BridgeWindow, type IncomingEvent } from './bridge';

const portal = 'https://portal.example';
const parent = { postMessage: vi.fn() };

function fakeWindow(): BridgeWindow & { emit: (event: IncomingEvent) => void; listening: () => number } {
  const listeners = new Set<(event: IncomingEvent) => void>();
  return {
    parent,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    listening: () => listeners.size,
  };
}

describe('messages from the portal', () => {
  const token = { v: 1, type: 'token', token: 'abc' };

  it('accepts a well-formed message from the parent origin and the parent window', () => {
    expect(acceptPortalMessage({ origin: portal, source: parent, data: token }, portal, parent)).toEqual(token);
    expect(acceptPortalMessage({ origin: portal, source: parent, data: { v: 1, type: 'theme', theme: { scheme: 'dark', accent: '#112233' } } }, portal, parent)).toMatchObject({
      type: 'theme',
    });
  });

  it('ignores another origin, even one that starts or ends like the portal’s', () => {
    for (const origin of ['https://evil.example', 'https://portal.example.evil.example', 'http://portal.example', 'null', '']) {
      expect(acceptPortalMessage({ origin, source: parent, data: token }, portal, parent)).toBeNull();
    }
  });

  it('ignores the right origin from a window that is not the parent', () => {
    expect(acceptPortalMessage({ origin: portal, source: { postMessage: vi.fn() }, data: token }, portal, parent)).toBeNull();
    expect(acceptPortalMessage({ origin: portal, source: null, data: token }, portal, parent)).toBeNull();
  });

  it('ignores messages of another shape or version, and themes that could inject CSS', () => {
    for (const data of [
      'token',
      { type: 'token', token: 'abc' },
      { v: 2, type: 'token', token: 'abc' },
      { v: 1, type: 'navigate', to: '/' },
      { v: 1, type: 'token', token: 'abc', extra: true },
      { v: 1, type: 'locale', locale: 'fr' },
      { v: 1, type: 'theme', theme: { accent: 'red;background:url(x)' } },
      { v: 1, type: 'theme', theme: { radius: '1rem) ; x' } },
    ]) {
      expect(acceptPortalMessage({ origin: portal, source: parent, data }, portal, parent)).toBeNull();
    }
  });
});

describe('the bridge', () => {
  it('posts versioned messages to the parent origin only, never to "*"', () => {
    parent.postMessage.mockClear();
    const bridge = createBridge(fakeWindow(), portal, () => undefined);
    bridge.post({ type: 'step', step: 'phoneEntry' });
    bridge.post({ type: 'height', height: 420 });
    expect(parent.postMessage.mock.calls).toEqual([
      [{ v: 1, type: 'step', step: 'phoneEntry' }, portal],
      [{ v: 1, type: 'height', height: 420 }, portal],
    ]);
  });

  it('hands on accepted messages only, and stops listening when disposed', () => {
    const view = fakeWindow();
    const heard: unknown[] = [];
    const bridge = createBridge(view, portal, (message) => heard.push(message));
    view.emit({ origin: 'https://evil.example', source: parent, data: { v: 1, type: 'reset' } });
    view.emit({ origin: portal, source: {}, data: { v: 1, type: 'reset' } });
    view.emit({ origin: portal, source: parent, data: { v: 1, type: 'reset' } });
    expect(heard).toEqual([{ v: 1, type: 'reset' }]);
    bridge.dispose();
    expect(view.listening()).toBe(0);
  });
});
