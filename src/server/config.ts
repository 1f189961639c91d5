import { z } from 'zod';
// Embedding and several instances (issue 7): their variables and checks live beside their code.
import { embedConfigFrom, embedEnvShape, type EmbedConfig } from './embed/embed-config';
import { readInstancesFile, type InstanceEntries } from './instances/instances-file';

const optionalSecret = z.string().trim().min(1).optional();
const positiveMs = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    ZAPI_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.z-api.io'),
    ZAPI_INSTANCE_ID: optionalSecret,
    ZAPI_INSTANCE_TOKEN: optionalSecret,
    ZAPI_CLIENT_TOKEN: optionalSecret,
    UPSTREAM_CONNECT_TIMEOUT_MS: positiveMs(5_000),
    UPSTREAM_HEADERS_TIMEOUT_MS: positiveMs(15_000),
    UPSTREAM_BODY_TIMEOUT_MS: positiveMs(15_000),
    UPSTREAM_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(256 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STATIC_DIR: z.string().trim().min(1).optional(),
    /** JSON file of `alias → provider and credentials`; instead of the ZAPI_* variables. */
    INSTANCES_FILE: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
    ...embedEnvShape,
  });

const credentialNames = ['ZAPI_INSTANCE_ID', 'ZAPI_INSTANCE_TOKEN', 'ZAPI_CLIENT_TOKEN'] as const;

/** All three Z-API credentials, or none (the simulated provider); half a set is a mistake. */
function credentialProblems(env: Record<string, string | undefined>): string[] {
  const given = credentialNames.filter((name) => (env[name] ?? '').trim() !== '');
  if (given.length === 0 || given.length === credentialNames.length) return [];
  const verb = given.length === 1 ? 'is' : 'are';
  return credentialNames
    .filter((name) => !given.includes(name))
    .map((name) => `${name}: required when ${given.join(' and ')} ${verb} set (set all three, or none for the simulated provider)`);
}

export interface UpstreamLimits {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export type ProviderConfig =
  | { kind: 'simulated' }
  | { kind: 'zapi'; baseUrl: string; instanceId: string; instanceToken: string; clientToken: string };

export interface Config {
  port: number;
  host: string;
  provider: ProviderConfig;
  /** Every instance by alias: INSTANCES_FILE, or `default` from the ZAPI_* variables (or simulated). */
  instances: InstanceEntries;
  /** Null when embedding is off. */
  embed: EmbedConfig | null;
  upstream: UpstreamLimits;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  staticDir: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once at start; every problem is listed together, values never echoed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)),
    ...credentialProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const embed = embedConfigFrom(e);
  const file = e.INSTANCES_FILE ? readInstancesFile(e.INSTANCES_FILE) : null;
  const later = [
    ...(embed.ok ? [] : embed.problems),
    ...(file && !file.ok ? file.problems : []),
    ...(file && e.ZAPI_INSTANCE_ID ? ['INSTANCES_FILE: set it or the ZAPI_* credentials, not both'] : []),
  ];
  if (later.length > 0 || !embed.ok) throw new ConfigError(later);
  const provider: ProviderConfig =
    e.ZAPI_INSTANCE_ID && e.ZAPI_INSTANCE_TOKEN && e.ZAPI_CLIENT_TOKEN
      ? {
          kind: 'zapi',
          baseUrl: e.ZAPI_BASE_URL,
          instanceId: e.ZAPI_INSTANCE_ID,
          instanceToken: e.ZAPI_INSTANCE_TOKEN,
          clientToken: e.ZAPI_CLIENT_TOKEN,
        }
      : { kind: 'simulated' };
  const instances: InstanceEntries = file?.ok
    ? file.entries
    : {
        default:
          provider.kind === 'zapi'
            ? { provider: 'zapi', baseUrl: provider.baseUrl, instanceId: provider.instanceId, instanceToken: provider.instanceToken, clientToken: provider.clientToken }
            : { provider: 'simulated' },
      };
  return {
    port: e.PORT,
    host: e.HOST,
    provider,
    instances,
    embed: embed.embed,
    upstream: {
      connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: e.UPSTREAM_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.UPSTREAM_BODY_TIMEOUT_MS,
      maxResponseBytes: e.UPSTREAM_MAX_RESPONSE_BYTES,
    },
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
  };
}
