import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** ../shared beside the project's root: the documented provider bodies every adapter must accept. */
export const sharedFixturesDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

const manifestSchema = z.array(
  z.object({
    file: z.string(),
    doc: z.string(),
    method: z.enum(['GET', 'POST', 'PUT']),
    path: z.string(),
    kind: z.enum(['request', 'response']),
  }),
);
export type FixtureEntry = z.infer<typeof manifestSchema>[number];

export function zapiManifest(): FixtureEntry[] {
  return manifestSchema.parse(JSON.parse(readFileSync(join(sharedFixturesDir, 'zapi-docs', 'manifest.json'), 'utf8')));
}

export function readFixture(folder: 'zapi-docs' | 'seeds', file: string): unknown {
  return JSON.parse(readFileSync(join(sharedFixturesDir, folder, file), 'utf8'));
}
