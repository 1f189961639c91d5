import { isInaccessible, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/** Fails unless the element is on the page for everyone: not hidden, not `display: none`, not `aria-hidden`. */
export function expectShown(element: Element): void {
  expect(element.isConnected, 'the element is on the page').toBe(true);
  expect(isInaccessible(element), 'the element is hidden').toBe(false);
}

/** Waits until the element holds the keyboard focus. */
export async function expectFocused(element: Element): Promise<void> {
  await waitFor(() => expect(element.ownerDocument.activeElement).toBe(element));
}

/** What a screen reader reads after an element's name: the text of the elements its `aria-describedby` names. */
export function descriptionOf(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}

/** The value a description list gives for a term (`<dt>term</dt><dd>value</dd>`). */
export function definitionOf(term: Element): string {
  expect(term.tagName).toBe('DT');
  const value = term.nextElementSibling;
  expect(value?.tagName).toBe('DD');
  return value?.textContent ?? '';
}

/** Matches the element whose whole text (its children's included) is `text`, for sentences with marked-up parts. */
export function fullText(text: string) {
  return (_: string, element: Element | null): boolean =>
    element !== null && element.textContent === text && [...element.children].every((child) => child.textContent !== text);
}

/** Fails unless `text` sits in an element that never wraps, so a number cannot break across lines ("98765- / 4321"). */
export function expectUnbroken(container: Element, text: string): void {
  const holder = [...container.querySelectorAll('.whitespace-nowrap')].find((element) => element.textContent === text);
  expect(holder, `"${text}" is kept on one line`).toBeDefined();
}
