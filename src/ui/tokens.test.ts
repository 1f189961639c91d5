import { describe, expect, it } from 'vitest';
import { palette } from '../../tailwind.config.js';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** Every pair of text colour and background that a screen draws. */
const textPairs: Array<[text: string, backgrounds: string[]]> = [
  ['ink', ['page', 'surface', 'sunken', 'accent-soft', 'success-bg', 'info-bg', 'warning-bg', 'danger-bg']],
  ['muted', ['page', 'surface', 'sunken']],
  ['accent-fg', ['page', 'surface', 'sunken', 'accent-soft']],
  ['accent-contrast', ['accent']],
  ['danger-contrast', ['danger']],
  ['danger', ['surface', 'page']],
  ...(['success', 'info', 'warning', 'danger'] as const).map((tone): [string, string[]] => [`${tone}-fg`, [`${tone}-bg`, 'surface', 'page']]),
];

describe.each(['light', 'dark'] as const)('the %s palette', (scheme) => {
  const colours = palette[scheme];
  const colour = (name: string): string => {
    const value = colours[name];
    if (!value) throw new Error(`${scheme} has no ${name}`);
    return value;
  };

  it('has the same names as the other scheme', () => {
    expect(Object.keys(colours).sort()).toEqual(Object.keys(palette.light).sort());
  });

  it.each(textPairs)('%s text reads at 4.5:1 or more', (text, backgrounds) => {
    for (const background of backgrounds) {
      expect({ background, ratio: contrast(colour(text), colour(background)) >= 4.5 }).toEqual({ background, ratio: true });
    }
  });

  it('draws field borders and the focus ring at 3:1 or more on the card (non-text contrast)', () => {
    expect(contrast(colour('line-strong'), colour('surface'))).toBeGreaterThanOrEqual(3);
    expect(contrast(colour('accent'), colour('surface'))).toBeGreaterThanOrEqual(3);
  });
});
