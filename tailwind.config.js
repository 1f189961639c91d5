import plugin from 'tailwindcss/plugin';

/**
 * The design system: every colour, type size, radius and shadow of the console, in one place.
 * src/styles.css loads this file with `@config`; components use only the names below.
 *
 * Colours are CSS variables (`--wa-*`), so dark mode (prefers-color-scheme, or the portal's `theme`
 * message, see src/embed/theme.ts) swaps the values without new classes. Every `*-fg` colour has a
 * text contrast of at least 4.5:1 on its `*-bg`, on `surface` and on `page` (src/ui/tokens.test.ts).
 */

/** @type {Record<'light' | 'dark', Record<string, string>>} */
export const palette = {
  light: {
    page: '#f0f2f5',
    surface: '#ffffff',
    sunken: '#f5f7f8',
    ink: '#111b21',
    muted: '#4f5e67',
    line: '#d5dbdf',
    'line-strong': '#7b8a93',
    // WhatsApp's teal family: #008069 carries white text at 4.9:1; #075e54 is the accent as text.
    accent: '#008069',
    'accent-contrast': '#ffffff',
    'accent-fg': '#075e54',
    'accent-soft': '#e6f4f1',
    // #25d366 is a highlight only (the dot of a done step), never text.
    highlight: '#25d366',
    'success-bg': '#e9f7ef',
    'success-border': '#9fd4b6',
    'success-fg': '#0b6b3a',
    'info-bg': '#eaf2fc',
    'info-border': '#a7c5eb',
    'info-fg': '#0b4f8a',
    'warning-bg': '#fff6e0',
    'warning-border': '#e8bf62',
    'warning-fg': '#7a4700',
    'danger-bg': '#fdeeed',
    'danger-border': '#efa8a3',
    'danger-fg': '#b0261b',
    danger: '#b0261b',
    'danger-contrast': '#ffffff',
    overlay: '#111b2114',
    // The paper behind a QR code or a captcha: white in both schemes, as scanners and readers expect.
    paper: '#ffffff',
  },
  dark: {
    page: '#0b141a',
    surface: '#111b21',
    sunken: '#0d171d',
    ink: '#e9edef',
    muted: '#aab7bf',
    line: '#2a3942',
    'line-strong': '#6f808a',
    accent: '#00a884',
    'accent-contrast': '#06130f',
    'accent-fg': '#4fd8b3',
    'accent-soft': '#0f2a26',
    highlight: '#25d366',
    'success-bg': '#0f2a1d',
    'success-border': '#246b47',
    'success-fg': '#7ee2a8',
    'info-bg': '#0e2236',
    'info-border': '#2c5b8c',
    'info-fg': '#96c8ff',
    'warning-bg': '#2e2309',
    'warning-border': '#7d5d14',
    'warning-fg': '#f5c96b',
    'danger-bg': '#361414',
    'danger-border': '#8c2e2e',
    'danger-fg': '#ffaba4',
    danger: '#ff8a80',
    'danger-contrast': '#1d0605',
    overlay: '#00000040',
    paper: '#ffffff',
  },
};

/** `{ page: '#…' }` → `{ '--wa-page': '#…' }` */
const asVariables = (/** @type {Record<string, string>} */ colours) =>
  Object.fromEntries(Object.entries(colours).map(([name, value]) => [`--wa-${name}`, value]));

const colorNames = Object.keys(palette.light);

/** @type {import('tailwindcss').Config} */
export default {
  theme: {
    extend: {
      colors: Object.fromEntries(colorNames.map((name) => [name, `var(--wa-${name})`])),
      fontFamily: {
        sans: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'],
      },
      // 14 / 16 / 20 / 24 / 32 px
      fontSize: {
        sm: ['0.875rem', { lineHeight: '1.25rem' }],
        base: ['1rem', { lineHeight: '1.5rem' }],
        lg: ['1.25rem', { lineHeight: '1.75rem' }],
        xl: ['1.5rem', { lineHeight: '2rem' }],
        '2xl': ['2rem', { lineHeight: '2.5rem' }],
      },
      // The 4-px grid is Tailwind's own spacing scale (`p-4` = 16 px); these name the card padding.
      spacing: { card: '1.5rem', 'card-phone': '1rem' },
      borderRadius: {
        box: 'var(--wa-radius)',
        card: '0.75rem',
        control: '0.5rem',
      },
      boxShadow: {
        card: '0 1px 2px var(--wa-overlay), 0 4px 16px var(--wa-overlay)',
      },
      transitionDuration: { state: '160ms' },
    },
  },
  plugins: [
    plugin(({ addBase }) => {
      addBase({
        ':root': { ...asVariables(palette.light), '--wa-radius': '0.5rem', 'color-scheme': 'light' },
        '@media (prefers-color-scheme: dark)': {
          ":root:not([data-theme='light'])": { ...asVariables(palette.dark), 'color-scheme': 'dark' },
        },
        ":root[data-theme='dark']": { ...asVariables(palette.dark), 'color-scheme': 'dark' },
      });
    }),
  ],
};
