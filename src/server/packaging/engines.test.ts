import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * `npm install` warns (EBADENGINE) about any installed package whose `engines.node` the running
 * Node does not satisfy. Checking the lockfile against the oldest Node we declare catches it offline.
 */
const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const lockSchema = z.object({
  packages: z.record(z.string(), z.object({ version: z.string().optional(), engines: z.unknown().optional() })),
});
const enginesSchema = z.object({ node: z.string().optional() });
const packageSchema = z.object({ engines: z.object({ node: z.string() }) });

const declared = packageSchema.parse(JSON.parse(read('package.json'))).engines.node;
const oldest = semver.minVersion(declared);

/** Old packages may list `engines` as an array, which npm ignores; only an object names a range. */
function nodeRange(engines: unknown): string | null {
  const parsed = enginesSchema.safeParse(engines);
  return parsed.success ? (parsed.data.node ?? null) : null;
}

describe('Node versions', () => {
  it('declares a lower bound', () => {
    expect(oldest?.version).toBe('20.19.0');
  });

  it('every locked package runs on the oldest Node we declare', () => {
    const lock = lockSchema.parse(JSON.parse(read('package-lock.json')));
    const ranges = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = nodeRange(entry.engines);
      return path === '' || range === null ? [] : [{ path, version: entry.version, range }];
    });
    // The lockfile does name engine ranges, so an empty list would mean the parse went wrong.
    expect(ranges.length).toBeGreaterThan(50);
    const refused = ranges.filter(({ range }) => oldest === null || !semver.satisfies(oldest, range, { includePrerelease: true }));
    expect(refused).toEqual([]);
  });

  it('.nvmrc and the README name the same major version', () => {
    const major = String(oldest?.major);
    expect(read('.nvmrc').trim()).toBe(major);
    expect(read('README.md')).toContain(`Node.js ${declared.replace('>=', '')}`);
  });
});
