/** Types of tailwind.config.js for the tests that check the design system. */
export declare const palette: Record<'light' | 'dark', Record<string, string>>;
declare const config: unknown;
export default config;
