import type { Theme } from './messages';

/**
 * Applies a portal's theme through the CSS variables of styles.css. Values were checked by the
 * message schema; `setProperty` goes through the CSSOM, which the style-src policy allows.
 */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme.scheme) root.dataset.theme = theme.scheme;
  if (theme.accent) root.style.setProperty('--wa-accent', theme.accent);
  if (theme.accentContrast) root.style.setProperty('--wa-accent-contrast', theme.accentContrast);
  if (theme.radius) root.style.setProperty('--wa-radius', theme.radius);
}
