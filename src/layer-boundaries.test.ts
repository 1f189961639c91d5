import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The layer table in eslint.config.js, proven: for each boundary a file in the folder it guards imports across it and
 * lint fails with that boundary's message, and an import the table allows lints clean. The probes are real files
 * (the type-aware config lints only files its tsconfig projects can see), written once and removed afterwards.
 */

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

const messages = {
  proxy: 'The browser never imports the proxy (src/server).',
  browser: 'The proxy never imports browser code, React or MSW.',
  shared: 'Shared layers (contract, flow, providers, gateway, fake-provider) import no React, MSW, screens or proxy code.',
  contract: 'contract/ is the bottom layer: it imports nothing of ours.',
  flow: 'flow/ (the journey) builds on contract/ only.',
  providers: 'providers/ are pure mapping over contract/.',
  fakeProvider: 'fake-provider/ models the provider, not the journey.',
  gateway: 'gateway/ receives the simulated provider as an UpstreamSend; it never imports it.',
  api: 'api/ is the browser client: it knows no screens, primitives or messages.',
  ui: 'ui/ primitives know nothing of screens or the client.',
  i18n: 'i18n/ holds messages: no screens, primitives or client.',
  mocksFolder: 'mocks/ stand in for the proxy over gateway/ and fake-provider/: no screens, no proxy.',
  console: 'The console reaches the provider through the proxy; the simulated provider runs in mocks/ and tests only.',
  mocks: 'Mocks and MSW load only in the demo boot (src/main.tsx), mocks/ and tests.',
  testHelpers: 'Production code never imports test helpers.',
} as const;

interface Boundary {
  title: string;
  /** Folder under src/ where the probe file is written. */
  folder: string;
  forbidden: string;
  message: string;
  allowed: string;
}

const boundaries: Boundary[] = [
  { title: 'a screen importing the proxy', folder: 'steps', forbidden: "import '../server/config';", message: messages.proxy, allowed: "import '../contract/common';" },
  { title: 'a nested screen importing the proxy', folder: 'steps/phone', forbidden: "import '../../server/config';", message: messages.proxy, allowed: "import '../../api/client';" },
  { title: 'the client importing the proxy', folder: 'api', forbidden: "import '../server/health';", message: messages.proxy, allowed: "import '../contract/errors';" },
  { title: 'a test helper importing the proxy', folder: 'test', forbidden: "import '../server/testing/proxy-under-test';", message: messages.proxy, allowed: "import '../mocks/api-handlers';" },
  { title: 'the proxy importing a screen', folder: 'server', forbidden: "import '../steps/registration-journey';", message: messages.browser, allowed: "import '../gateway/run-operation';" },
  { title: 'the proxy importing React', folder: 'server', forbidden: "import 'react';", message: messages.browser, allowed: "import 'fastify';" },
  // src/server/embed/ shares its name with the browser's src/embed/: the depth of the path tells them apart.
  { title: 'a nested proxy module importing the browser embed bridge', folder: 'server/embed', forbidden: "import '../../embed/bridge';", message: messages.browser, allowed: "import '../embed/token';" },
  { title: 'the proxy importing MSW', folder: 'server', forbidden: "import 'msw';", message: messages.browser, allowed: "import './embed/embedding';" },
  { title: 'the journey importing React', folder: 'flow', forbidden: "import 'react';", message: messages.shared, allowed: "import '../contract/errors';" },
  { title: 'the journey importing a UI primitive', folder: 'flow', forbidden: "import '../ui/button';", message: messages.shared, allowed: "import './deadlines';" },
  { title: 'an adapter importing MSW', folder: 'providers', forbidden: "import 'msw';", message: messages.shared, allowed: "import '../contract/common';" },
  { title: 'the gateway importing the proxy', folder: 'gateway', forbidden: "import '../server/config';", message: messages.shared, allowed: "import '../providers/types';" },
  { title: 'the simulated provider importing react-dom', folder: 'fake-provider', forbidden: "import 'react-dom';", message: messages.shared, allowed: "import '../providers/types';" },
  { title: 'the contract importing the journey', folder: 'contract', forbidden: "import '../flow/state';", message: messages.contract, allowed: "import './common';" },
  { title: 'the journey importing the gateway', folder: 'flow', forbidden: "import '../gateway/run-operation';", message: messages.flow, allowed: "import '../contract/common';" },
  { title: 'an adapter importing the gateway', folder: 'providers', forbidden: "import '../gateway/run-operation';", message: messages.providers, allowed: "import '../contract/common';" },
  { title: 'the simulated provider importing the journey', folder: 'fake-provider', forbidden: "import '../flow/machine';", message: messages.fakeProvider, allowed: "import '../gateway/run-operation';" },
  { title: 'the gateway importing the simulated provider', folder: 'gateway', forbidden: "import '../fake-provider/simulated-provider';", message: messages.gateway, allowed: "import '../flow/state';" },
  { title: 'the client importing a UI primitive', folder: 'api', forbidden: "import '../ui/button';", message: messages.api, allowed: "import '../flow/state';" },
  { title: 'a UI primitive importing the client', folder: 'ui', forbidden: "import '../api/client';", message: messages.ui, allowed: "import '../i18n/i18n-context';" },
  { title: 'the messages importing a screen', folder: 'i18n', forbidden: "import '../steps/registration-journey';", message: messages.i18n, allowed: "import '../contract/common';" },
  { title: 'the mocks importing a screen', folder: 'mocks', forbidden: "import '../steps/registration-journey';", message: messages.mocksFolder, allowed: "import '../fake-provider/simulated-provider';" },
  { title: 'a screen importing the simulated provider', folder: 'account', forbidden: "import '../fake-provider/simulated-provider';", message: messages.console, allowed: "import '../api/client';" },
  { title: 'a screen importing the mocks', folder: 'linking', forbidden: "import '../mocks/api-handlers';", message: messages.mocks, allowed: "import '../steps/registration-journey';" },
  { title: 'a screen loading the demo worker lazily', folder: 'app', forbidden: "void import('../mocks/browser');", message: messages.mocks, allowed: "void import('../account/connected-screen');" },
  { title: 'a screen importing MSW', folder: 'embed', forbidden: "import 'msw/browser';", message: messages.mocks, allowed: "import '../app/app';" },
  { title: 'the boot files importing the proxy', folder: '.', forbidden: "import './server/config';", message: messages.proxy, allowed: "void import('./mocks/browser');" },
  { title: 'the proxy importing its test server', folder: 'server', forbidden: "import './testing/proxy-under-test';", message: messages.testHelpers, allowed: "import './health';" },
  { title: 'the proxy importing the fault upstream', folder: 'server/guards', forbidden: "import '../testing/fault-upstream';", message: messages.testHelpers, allowed: "import '../upstream';" },
  { title: 'a screen importing the test builders', folder: 'steps/code', forbidden: "import '../../test/builders';", message: messages.testHelpers, allowed: "import '../../ui/button';" },
  { title: 'the journey importing vitest', folder: 'flow', forbidden: "import 'vitest';", message: messages.testHelpers, allowed: "import 'zod/mini';" },
];

const run = randomUUID().slice(0, 8);
const probePath = (boundary: Boundary, index: number, kind: 'forbidden' | 'allowed'): string =>
  join(src, boundary.folder, `layer-probe-${run}-${String(index)}-${kind}.ts`);

const results = new Map<string, ESLint.LintResult>();
const eslint = new ESLint({ cwd: root });

function lintOf(path: string): ESLint.LintResult {
  const result = results.get(path);
  if (!result) throw new Error(`${path} was not linted`);
  return result;
}

describe('layer boundaries', () => {
  beforeAll(async () => {
    const probes = boundaries.flatMap((boundary, index) => [
      { path: probePath(boundary, index, 'forbidden'), code: `${boundary.forbidden}\n` },
      { path: probePath(boundary, index, 'allowed'), code: `${boundary.allowed}\n` },
    ]);
    try {
      for (const probe of probes) writeFileSync(probe.path, probe.code);
      for (const result of await eslint.lintFiles(probes.map((probe) => probe.path))) results.set(result.filePath, result);
    } finally {
      for (const probe of probes) rmSync(probe.path, { force: true });
    }
  }, 240_000);

  afterAll(() => {
    results.clear();
  });

  it.each(boundaries.map((boundary, index) => ({ ...boundary, index })))('refuses $title and allows $allowed', ({ index, ...boundary }) => {
    const forbidden = lintOf(probePath(boundary, index, 'forbidden')).messages;
    expect(forbidden.map((message) => message.message)).toEqual([expect.stringContaining(boundary.message)]);
    expect(forbidden[0]?.ruleId).toBe(boundary.forbidden.startsWith('void import(') ? 'no-restricted-syntax' : 'no-restricted-imports');
    expect(lintOf(probePath(boundary, index, 'allowed')).messages).toEqual([]);
  });

  it('gives every file under src/ one boundary rule set, and every boundary it uses is proven above', async () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
    const used = new Set<string>();
    for (const file of files) {
      const config: unknown = await eslint.calculateConfigForFile(join(src, file));
      const patterns = restrictedPatterns(config);
      expect(patterns.length, `${relative(root, join(src, file))} has no layer boundary`).toBeGreaterThan(0);
      for (const pattern of patterns) used.add(pattern);
    }
    expect([...used].sort()).toEqual([...new Set(boundaries.map((boundary) => boundary.message))].sort());
  }, 120_000);
});

/** The part of a computed config this test reads; the config is outside data, so it is parsed. */
const restrictedImportsSchema = z.object({
  rules: z.object({
    'no-restricted-imports': z.tuple([z.unknown(), z.object({ patterns: z.array(z.object({ message: z.string() })) })]).optional(),
  }),
});

function restrictedPatterns(config: unknown): string[] {
  const setting = restrictedImportsSchema.parse(config).rules['no-restricted-imports'];
  return setting ? setting[1].patterns.map((pattern) => pattern.message) : [];
}
