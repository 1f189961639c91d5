import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The servers the replica tests and benchmarks run, and the Debian package of each. */
export const serverBinaries = {
  'redis-server': 'redis-server',
  'redis-cli': 'redis-tools',
  nginx: 'nginx',
} as const;

export type ServerBinary = keyof typeof serverBinaries;

/** A binary on PATH, or in the sbin folders a non-login shell may leave out of PATH. */
export function findBinary(name: ServerBinary): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return folders.filter(Boolean).map((folder) => join(folder, name)).find((path) => existsSync(path));
}

/** The path of a binary the tests need, or an error that says how to get it. */
export function requireBinary(name: ServerBinary): string {
  const found = findBinary(name);
  if (!found) throw new Error(`${name} is not installed: run "npx tsx scripts/ensure-servers.ts" (or apt-get install ${serverBinaries[name]})`);
  return found;
}
