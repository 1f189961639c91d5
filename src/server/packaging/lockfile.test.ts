import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * `npm ci` installs exactly the lockfile. A platform's optional package missing from it (another
 * operating system's Tailwind, Lightning CSS, Rolldown or esbuild binary) gives that platform a
 * different tree, or a refused install; each one must be recorded.
 */
const root = new URL('../../../', import.meta.url);
const lockSchema = z.object({
  lockfileVersion: z.number(),
  packages: z.record(z.string(), z.object({ optionalDependencies: z.record(z.string(), z.string()).optional(), os: z.array(z.string()).optional() })),
});
const lock = lockSchema.parse(JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')));
const locked = new Set(Object.keys(lock.packages));

/** Where Node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (locked.has(`${base === '' ? '' : `${base}/`}node_modules/${name}`)) return true;
    if (base === '') return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  it('records every optional dependency of every locked package', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('holds the native builds for Linux, macOS and Windows', () => {
    const platforms = new Set(Object.values(lock.packages).flatMap((entry) => entry.os ?? []));
    expect([...platforms]).toEqual(expect.arrayContaining(['linux', 'darwin', 'win32']));
    for (const name of ['@tailwindcss/oxide-darwin-arm64', '@tailwindcss/oxide-win32-x64-msvc', '@tailwindcss/oxide-linux-x64-gnu', 'lightningcss-darwin-arm64', 'lightningcss-win32-x64-msvc']) {
      expect(locked.has(`node_modules/${name}`), name).toBe(true);
    }
  });
});
