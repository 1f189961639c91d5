import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * S-01: the console build never carries a server secret. Builds the console with canary values in
 * every secret variable of the proxy (as a careless deployment would have them in its environment),
 * then searches every built file for them, and for the canary code and PIN of the test suites.
 * Also searches the regular dist/ when it exists, and checks that no source map ships.
 */
const canaries: Record<string, string> = {
  ZAPI_INSTANCE_ID: 'CANARY-IID-4d1f9a',
  ZAPI_INSTANCE_TOKEN: 'CANARY-TOKEN-8b2e61',
  ZAPI_CLIENT_TOKEN: 'CANARY-CLIENT-0c7a33',
  OPERATOR_TOKEN: 'CANARY-OPERATOR-93fd17',
  OPERATOR_USER: 'canary-operator',
  OPERATOR_PASSWORD: 'CANARY-PASSWORD-5a0e',
};
/** The canary phone, code and PIN (docs/security-reliability-performance.md §1.7). */
const verificationCanaries = ['99990417', '913542', '275803'];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function findings(folder: string): string[] {
  const needles = [...Object.values(canaries), ...verificationCanaries];
  const problems: string[] = [];
  for (const file of files(folder)) {
    if (file.endsWith('.map')) problems.push(`${file}: a source map in the build`);
    const text = readFileSync(file, 'latin1');
    for (const needle of needles) if (text.includes(needle)) problems.push(`${file}: contains the canary ${needle}`);
  }
  return problems;
}

const out = mkdtempSync(join(tmpdir(), 'canary-dist-'));
try {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, ...canaries },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the canary build failed');
  const problems = [...findings(out), ...(existsSync('dist') ? findings('dist') : [])];
  if (problems.length > 0) {
    process.stderr.write(`Secrets in the console build:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`canary build: ${files(out).length} files, none holds a canary secret, no source maps\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
