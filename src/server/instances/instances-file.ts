import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ProviderConfig } from '../config';

/** What an alias may look like: short, lower-case, safe in logs and in a storage key. */
export const aliasSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'an alias is 1–40 of a-z, 0-9, "-" or "_"');

const secret = z.string().trim().min(1, 'required');

const instanceEntrySchema = z.discriminatedUnion('provider', [
  z.strictObject({
    provider: z.literal('zapi'),
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.z-api.io'),
    instanceId: secret,
    instanceToken: secret,
    clientToken: secret,
  }),
  z.strictObject({
    provider: z.literal('wawp'),
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.wawp.net'),
    instanceId: secret,
    accessToken: secret,
  }),
  // The built-in simulated provider, for trials and tests with several aliases.
  z.strictObject({ provider: z.literal('simulated') }),
]);

/** The file names the provider as `provider`; inside, an instance is the same ProviderConfig as the environment's. */
const instanceSchema = instanceEntrySchema.transform((entry): ProviderConfig => {
  switch (entry.provider) {
    case 'zapi': {
      const { baseUrl, instanceId, instanceToken, clientToken } = entry;
      return { kind: 'zapi', baseUrl, instanceId, instanceToken, clientToken };
    }
    case 'wawp': {
      const { baseUrl, instanceId, accessToken } = entry;
      return { kind: 'wawp', baseUrl, instanceId, accessToken };
    }
    case 'simulated':
      return { kind: 'simulated' };
  }
});

const instancesFileSchema = z
  .record(aliasSchema, instanceSchema)
  .refine((entries) => Object.keys(entries).length > 0, 'the file lists no instance');

export type InstanceEntries = Record<string, ProviderConfig>;

/**
 * Reads INSTANCES_FILE: `{ alias: { provider, …credentials } }`. Problems are named by alias and
 * field, never with a value, because the file holds credentials.
 */
export function readInstancesFile(path: string): { ok: true; entries: InstanceEntries } | { ok: false; problems: string[] } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, problems: ['INSTANCES_FILE: the file cannot be read'] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['INSTANCES_FILE: the file is not valid JSON'] };
  }
  const parsed = instancesFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, entries: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      return `INSTANCES_FILE${where ? ` ${where}` : ''}: ${issue.code === 'invalid_key' ? 'an alias is 1–40 of a-z, 0-9, "-" or "_"' : issue.message}`;
    }),
  };
}
