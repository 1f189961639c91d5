import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (docs/architecture.md). The built-in `no-restricted-imports` sees import strings, not resolved
 * files, and flat config keeps only the last matching block's options, so the blocks below are generated from one
 * table and every file under src/ is matched by exactly one of them (src/layer-boundaries.test.ts proves both).
 */

/** Top-level folders of src/, by who may use them. */
const SCREENS = ['steps', 'linking', 'account', 'embed', 'handoff', 'timeline', 'app'];
const BROWSER = ['api', 'ui', 'i18n', ...SCREENS];
const REACT = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form'];

/** What a boundary forbids: folders of src/ (resolved from the importing file's depth) and packages. */
const boundaries = {
  proxy: { folders: ['server'], message: 'The browser never imports the proxy (src/server).' },
  browser: {
    folders: [...BROWSER, 'mocks'],
    packages: [...REACT, 'msw'],
    message: 'The proxy never imports browser code, React or MSW.',
  },
  shared: {
    folders: [...BROWSER, 'mocks', 'server'],
    packages: [...REACT, 'msw'],
    message: 'Shared layers (contract, flow, providers, gateway, fake-provider) import no React, MSW, screens or proxy code.',
  },
  contractBelowAll: {
    folders: ['flow', 'providers', 'fake-provider', 'gateway'],
    production: true,
    message: 'contract/ is the bottom layer: it imports nothing of ours.',
  },
  flowOverContract: {
    folders: ['providers', 'fake-provider', 'gateway'],
    production: true,
    message: 'flow/ (the journey) builds on contract/ only.',
  },
  adaptersOverContract: {
    folders: ['flow', 'fake-provider', 'gateway'],
    production: true,
    message: 'providers/ are pure mapping over contract/.',
  },
  simulatorModelsProvider: {
    folders: ['flow'],
    production: true,
    message: 'fake-provider/ models the provider, not the journey.',
  },
  gatewayTakesUpstream: {
    folders: ['fake-provider'],
    production: true,
    message: 'gateway/ receives the simulated provider as an UpstreamSend; it never imports it.',
  },
  clientKnowsNoScreens: {
    folders: ['ui', 'i18n', ...SCREENS],
    message: 'api/ is the browser client: it knows no screens, primitives or messages.',
  },
  primitivesKnowNoScreens: {
    folders: ['api', ...SCREENS],
    message: 'ui/ primitives know nothing of screens or the client.',
  },
  messagesKnowNoScreens: {
    folders: ['api', 'ui', ...SCREENS],
    message: 'i18n/ holds messages: no screens, primitives or client.',
  },
  mocksStandInForProxy: {
    folders: [...BROWSER, 'server'],
    message: 'mocks/ stand in for the proxy over gateway/ and fake-provider/: no screens, no proxy.',
  },
  consoleTalksToProxy: {
    folders: ['fake-provider', 'gateway'],
    production: true,
    message: 'The console reaches the provider through the proxy; the simulated provider runs in mocks/ and tests only.',
  },
  mocks: {
    folders: ['mocks'],
    packages: ['msw'],
    production: true,
    message: 'Mocks and MSW load only in the demo boot (src/main.tsx), mocks/ and tests.',
  },
  testHelpers: {
    packages: ['vitest', '@testing-library'],
    // Any relative path with a test-named segment (test/, testing/, x.test.ts, test-utils …).
    regexes: ['^\\.{1,2}/(?:[^/]+/)*(?:[^/]*[.-])?test(?:s|ing)?(?:[.-][^/]*)?(?:/|$)'],
    production: true,
    message: 'Production code never imports test helpers.',
  },
};

/** The table: for each folder of src/ (`.` = the boot files at its root), the boundaries its files must not cross. */
const layers = {
  contract: ['shared', 'contractBelowAll', 'testHelpers'],
  flow: ['shared', 'flowOverContract', 'testHelpers'],
  providers: ['shared', 'adaptersOverContract', 'testHelpers'],
  'fake-provider': ['shared', 'simulatorModelsProvider', 'testHelpers'],
  gateway: ['shared', 'gatewayTakesUpstream', 'testHelpers'],
  server: ['browser', 'testHelpers'],
  api: ['proxy', 'clientKnowsNoScreens', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  ui: ['proxy', 'primitivesKnowNoScreens', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  i18n: ['proxy', 'messagesKnowNoScreens', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  steps: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  linking: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  account: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  embed: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  handoff: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  timeline: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  app: ['proxy', 'consoleTalksToProxy', 'mocks', 'testHelpers'],
  mocks: ['mocksStandInForProxy', 'testHelpers'],
  test: ['proxy'],
  '.': ['proxy', 'consoleTalksToProxy', 'testHelpers'],
};

/** Test files and test helpers: they may use mocks and helpers and reach across the shared layers, never across sides. */
const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/server/testing/**'];
/** Deepest folder nesting under src/ (src/i18n/locales/en/x.ts is depth 3); the boundary test fails on a deeper file. */
const MAX_DEPTH = 3;

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regexes for one boundary, as seen from a file `depth` folders below src/. */
function boundaryRegexes({ folders = [], packages = [], regexes = [] }, depth) {
  const up = depth === 0 ? '\\./' : `(?:\\.\\./){${String(depth)}}`;
  const anyOf = (names) => `(?:${names.map(escapeRegex).join('|')})`;
  return [
    ...(folders.length > 0 ? [`^${up}${anyOf(folders)}(?:/|$)`] : []),
    ...(packages.length > 0 ? [`^${anyOf(packages)}(?:/|$)`] : []),
    ...regexes,
  ];
}

const postMessageToAnyone = { selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']", message: "Never post messages to '*'." };

/** `no-restricted-imports` misses `import()`; the same regexes guard dynamic imports (esquery regexes cannot hold '/'). */
const dynamicImportSelector = (regex) => `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/i]`;

function boundaryRules(names, depth) {
  const patterns = names.flatMap((name) =>
    boundaryRegexes(boundaries[name], depth).map((regex) => ({ regex, message: boundaries[name].message })),
  );
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      postMessageToAnyone,
      ...patterns.map(({ regex, message }) => ({ selector: dynamicImportSelector(regex), message })),
    ],
  };
}

/** One block per folder, depth and kind (production or test): the `../` count of a path depends on the depth. */
const layerBlocks = Object.entries(layers).flatMap(([folder, names]) => {
  const depths = folder === '.' ? [0] : Array.from({ length: MAX_DEPTH }, (_, index) => index + 1);
  return depths.flatMap((depth) => {
    const files = folder === '.' ? 'src/*.{ts,tsx}' : `src/${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`;
    const inTests = names.filter((name) => !boundaries[name].production);
    return [
      { name: `layers/${folder}/depth-${String(depth)}`, files: [files], ignores: TEST_FILES, rules: boundaryRules(names, depth) },
      { name: `layers/${folder}/depth-${String(depth)}/tests`, files: TEST_FILES.map((test) => [files, test]), rules: boundaryRules(inTests, depth) },
    ];
  });
});

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-server', 'public', 'node_modules', 'test-results', 'playwright-report', 'scratch', 'tailwind.config.d.ts'] },
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
      'no-restricted-syntax': ['error', postMessageToAnyone],
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
  ...layerBlocks,
);
