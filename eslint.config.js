import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers that must not lean on each other (see docs/architecture in README, "Layout"). */
const browserOnly = ['**/steps/**', '**/app/**', '**/ui/**', '**/i18n/**', '**/api/**', '**/mocks/**', '**/flow/**', '**/linking/**', '**/account/**', '**/embed/**'];

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-server', 'public', 'node_modules', 'test-results', 'playwright-report', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']", message: "Never post messages to '*'." },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: browserOnly, message: 'The proxy never imports browser code.' }] }] },
  },
  {
    files: ['src/**'],
    ignores: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The browser never imports the proxy.' }] }] },
  },
  {
    files: ['src/flow/**', 'src/contract/**', 'src/providers/**', 'src/gateway/**', 'src/fake-provider/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'msw'],
          patterns: [{ group: [...browserOnly.filter((path) => path !== '**/flow/**'), '**/server/**'], message: 'Shared layers stay free of UI and server code.' }],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/mocks/**', 'src/**/*.test.*', 'src/test/**', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['msw', 'msw/browser', 'msw/node'], patterns: [{ group: ['**/mocks/**'], message: 'Mocks load only in the demo and in tests.' }] }],
    },
  },
);
