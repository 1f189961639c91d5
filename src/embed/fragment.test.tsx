import { afterEach, describe, expect, it } from 'vitest';
import { takeEmbedToken } from './fragment';

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('the embed token in the URL fragment', () => {
  it('is read once and removed from the address, keeping the path, the query and other fragment parts', () => {
    window.history.replaceState(null, '', '/?lang=es#t=eyJhbGciOi.payload.sig&view=compact');
    expect(takeEmbedToken()).toBe('eyJhbGciOi.payload.sig');
    expect(window.location.href).not.toContain('eyJ');
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/?lang=es#view=compact');
    expect(takeEmbedToken()).toBeNull();
  });

  it('leaves an address without a token alone', () => {
    window.history.replaceState(null, '', '/?lang=en#section');
    expect(takeEmbedToken()).toBeNull();
    expect(window.location.hash).toBe('#section');
  });
});
