import { isIP } from 'node:net';
import { z } from 'zod';
import { brandConfigFrom, brandEnvShape, type BrandConfig } from './brand';
import { defaultGuardLimits, type GuardLimits } from '../flow/limits';
// Embedding and several instances: their variables and checks live beside their code.
import { embedConfigFrom, embedEnvShape, type EmbedConfig } from './embed/embed-config';
import { readInstancesFile, type InstanceEntries } from './instances/instances-file';
import { stateConfigFrom, stateEnvShape, type StateConfig } from './state/state-config';

/** The port of the console and the API; the container image exposes the same. */
export const DEFAULT_PORT = 8080;

const optionalSecret = z.string().trim().min(1).optional();
const budget = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** Fastify's trustProxy from TRUST_PROXY; undefined when the value is not valid. */
export function trustProxyFrom(value: string | undefined): TrustProxy | undefined {
  if (value === undefined || value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr) ? entries : undefined;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** What TRUST_PROXY becomes: nothing trusted, a hop count, or addresses and CIDRs. */
export type TrustProxy = false | number | string[];
const positiveMs = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    ZAPI_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.z-api.io'),
    ZAPI_INSTANCE_ID: optionalSecret,
    ZAPI_INSTANCE_TOKEN: optionalSecret,
    ZAPI_CLIENT_TOKEN: optionalSecret,
    /** Which provider the credentials are for; unset picks the one whose credentials are given. */
    PROVIDER: z.enum(['zapi', 'wawp']).optional(),
    WAWP_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.wawp.net'),
    WAWP_INSTANCE_ID: optionalSecret,
    WAWP_ACCESS_TOKEN: optionalSecret,
    /** With no credentials: which provider the simulated one imitates, and whether its QR gets scanned. */
    SIMULATED_PROVIDER: z.enum(['zapi', 'wawp']).default('zapi'),
    SIMULATED_QR: z.enum(['scanned', 'never-scanned']).default('scanned'),
    UPSTREAM_CONNECT_TIMEOUT_MS: positiveMs(5_000),
    UPSTREAM_HEADERS_TIMEOUT_MS: positiveMs(15_000),
    UPSTREAM_BODY_TIMEOUT_MS: positiveMs(15_000),
    UPSTREAM_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(256 * 1024),
    SERVER_HEADERS_TIMEOUT_MS: positiveMs(10_000),
    SERVER_REQUEST_TIMEOUT_MS: positiveMs(30_000),
    OPERATOR_TOKEN: z.string().trim().min(16, 'at least 16 characters').optional(),
    OPERATOR_USER: z.string().trim().min(1).regex(/^[^:]+$/, 'no colon').optional(),
    OPERATOR_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
    HSTS: z.enum(['true', 'false']).default('false'),
    /** How long the onboarding timeline keeps its events, in days. */
    TIMELINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * Which reverse proxies' X-Forwarded-For to believe (Fastify's trustProxy): unset or `false`
     * for none (the socket's address is the client), a hop count (`1`), or a comma-separated list
     * of addresses and CIDRs (`127.0.0.1,10.0.0.0/8`). Never `true`: anyone could then pick an address.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        const parsed = trustProxyFrom(value);
        if (parsed === undefined) context.addIssue({ code: 'custom', message: 'a hop count (1–10) or a comma-separated list of IP addresses or CIDRs' });
        return parsed ?? false;
      }),
    /** Budgets per rolling hour (docs/security.md); the defaults are far above hand-made onboarding. */
    CODE_REQUESTS_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.codeRequestsPerInstancePerHour),
    CODE_REQUESTS_PER_HOUR: budget(defaultGuardLimits.codeRequestsPerProxyPerHour),
    NUMBERS_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.numbersPerInstancePerHour),
    EMAIL_SENDS_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.emailSendsPerInstancePerHour),
    PAIRING_CODES_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.pairingCodesPerInstancePerHour),
    QR_CODES_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.qrCodesPerInstancePerHour),
    GUESSES_PER_INSTANCE_PER_HOUR: budget(defaultGuardLimits.guessesPerInstancePerHour),
    /** On SIGTERM, how long calls in flight may take to finish; it must outlast the upstream timeouts. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().positive().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STATIC_DIR: z.string().trim().min(1).optional(),
    SIMULATED_UPSTREAM_HIT_COUNTER: z.enum(['0', '1']).default('0'),
    /** Serves /metrics on this port, without a credential, instead of behind the operator credential. */
    METRICS_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(65535).optional()),
    /** `production` keeps the logs JSON even on a terminal. */
    NODE_ENV: z.string().trim().optional(),
    /** JSON file of `alias → provider and credentials`; instead of the ZAPI_* variables. */
    INSTANCES_FILE: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
    ...embedEnvShape,
    ...stateEnvShape,
    ...brandEnvShape,
  });

/** Every variable the proxy reads (the container files are checked against this list). */
export const environmentVariables: readonly string[] = Object.keys(envSchema.shape);

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

/** Operator credentials for standalone mode; either or both may be set. */
export interface OperatorCredentials {
  token: string | null;
  basic: { user: string; password: string } | null;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Read from the raw environment, so these problems are listed even when other values are invalid. */
function operatorProblems(env: Record<string, string | undefined>): string[] {
  const given = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (given('OPERATOR_USER') !== given('OPERATOR_PASSWORD')) problems.push('OPERATOR_USER and OPERATOR_PASSWORD: set both, or neither');
  // An instances file may hold real credentials, so it counts as a real provider here.
  const simulated = !given('ZAPI_INSTANCE_ID') && !given('WAWP_INSTANCE_ID') && !given('INSTANCES_FILE');
  // Embedded, every API call needs an embed session instead (docs/embedding.md).
  const embedded = ['true', '1'].includes((env.EMBED_ENABLED ?? '').trim());
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const anyCredential = given('OPERATOR_TOKEN') || (given('OPERATOR_USER') && given('OPERATOR_PASSWORD'));
  if (!anyCredential && !embedded && !(simulated && isLoopbackHost(host))) {
    problems.push(
      'OPERATOR_TOKEN or OPERATOR_USER and OPERATOR_PASSWORD: required unless the proxy listens on loopback against the simulated provider, or embedding is on',
    );
  }
  return problems;
}

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

const wawpNames = ['WAWP_INSTANCE_ID', 'WAWP_ACCESS_TOKEN'] as const;

const isSet = (env: Record<string, string | undefined>, name: string) => (env[name] ?? '').trim() !== '';

/** Both Wawp credentials or neither; one provider's credentials at a time unless PROVIDER says which. */
function wawpProblems(env: Record<string, string | undefined>): string[] {
  const given = wawpNames.filter((name) => isSet(env, name));
  const problems =
    given.length === 1
      ? wawpNames.filter((name) => !given.includes(name)).map((name) => `${name}: required when ${given.join('')} is set (set both, or none)`)
      : [];
  const zapiGiven = credentialNames.some((name) => isSet(env, name));
  if (given.length > 0 && zapiGiven && !isSet(env, 'PROVIDER')) {
    problems.push('PROVIDER: required when both Z-API and Wawp credentials are set (zapi or wawp)');
  }
  const wanted = env.PROVIDER?.trim();
  if (wanted === 'wawp' && given.length === 0) problems.push('PROVIDER: wawp needs WAWP_INSTANCE_ID and WAWP_ACCESS_TOKEN');
  if (wanted === 'zapi' && !zapiGiven) problems.push('PROVIDER: zapi needs ZAPI_INSTANCE_ID, ZAPI_INSTANCE_TOKEN and ZAPI_CLIENT_TOKEN');
  return problems;
}

type Env = z.infer<typeof envSchema>;

/** The provider the proxy talks to, from the parsed environment (problems were reported before). */
export function chooseProvider(e: Env): ProviderConfig {
  const zapi = e.ZAPI_INSTANCE_ID && e.ZAPI_INSTANCE_TOKEN && e.ZAPI_CLIENT_TOKEN ? { id: e.ZAPI_INSTANCE_ID, token: e.ZAPI_INSTANCE_TOKEN, client: e.ZAPI_CLIENT_TOKEN } : null;
  const wawp = e.WAWP_INSTANCE_ID && e.WAWP_ACCESS_TOKEN ? { id: e.WAWP_INSTANCE_ID, token: e.WAWP_ACCESS_TOKEN } : null;
  const kind = e.PROVIDER ?? (zapi ? 'zapi' : wawp ? 'wawp' : null);
  if (kind === 'wawp' && wawp) return { kind: 'wawp', baseUrl: e.WAWP_BASE_URL, instanceId: wawp.id, accessToken: wawp.token };
  if (kind === 'zapi' && zapi) {
    return { kind: 'zapi', baseUrl: e.ZAPI_BASE_URL, instanceId: zapi.id, instanceToken: zapi.token, clientToken: zapi.client };
  }
  return { kind: 'simulated' };
}

export interface SimulatedOptions {
  speaks: 'zapi' | 'wawp';
  qr: 'scanned' | 'never-scanned';
}

export interface UpstreamLimits {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export type ProviderConfig =
  | { kind: 'simulated' }
  | { kind: 'zapi'; baseUrl: string; instanceId: string; instanceToken: string; clientToken: string }
  | { kind: 'wawp'; baseUrl: string; instanceId: string; accessToken: string };

export interface Config {
  port: number;
  host: string;
  provider: ProviderConfig;
  /** How the simulated provider behaves when `provider` is simulated. */
  simulated: SimulatedOptions;
  /** Every instance by alias: INSTANCES_FILE, or `default` from the ZAPI_* / WAWP_* variables (or simulated). */
  instances: InstanceEntries;
  /** Null when embedding is off. */
  embed: EmbedConfig | null;
  /** Null: journeys, limits and sessions live in this process (REDIS_URL unset). */
  state: StateConfig | null;
  upstream: UpstreamLimits;
  server: ServerLimits;
  /** Null when none is configured (allowed only on loopback against the simulated provider). */
  operator: OperatorCredentials | null;
  hsts: boolean;
  /** TIMELINE_DAYS in milliseconds. */
  timelineRetentionMs: number;
  trustProxy: TrustProxy;
  /** The guards' limits, budgets included. */
  guardLimits: GuardLimits;
  /** How long SIGTERM waits for calls in flight; always longer than the upstream timeouts. */
  drainMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** NODE_ENV=production: JSON logs whatever stdout is. */
  production: boolean;
  /** Where /metrics is served on its own; null serves it on the main port behind the operator credential. */
  metricsPort: number | null;
  staticDir: string | undefined;
  /** The product name and logo of the console's header (BRAND_NAME, BRAND_LOGO_PATH). */
  brand: BrandConfig;
  /** Tests only: the simulated upstream also answers how many calls reached it (loopback). */
  simulatedHitCounter: boolean;
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
    ...operatorProblems(env),
    ...wawpProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const basic = e.OPERATOR_USER && e.OPERATOR_PASSWORD ? { user: e.OPERATOR_USER, password: e.OPERATOR_PASSWORD } : null;
  const token = e.OPERATOR_TOKEN ?? null;
  const provider = chooseProvider(e);
  const embed = embedConfigFrom(e);
  const state = stateConfigFrom(e);
  const brand = brandConfigFrom(e);
  const file = e.INSTANCES_FILE ? readInstancesFile(e.INSTANCES_FILE) : null;
  const later = [
    ...(embed.ok ? [] : embed.problems),
    ...(state.ok ? [] : state.problems),
    ...(brand.ok ? [] : brand.problems),
    ...(file && !file.ok ? file.problems : []),
    ...(file && provider.kind !== 'simulated' ? ['INSTANCES_FILE: set it or the ZAPI_* / WAWP_* credentials, not both'] : []),
  ];
  // A call in flight at SIGTERM must end with the provider's answer or a timeout, never be cut off.
  const upstreamMs = e.UPSTREAM_CONNECT_TIMEOUT_MS + e.UPSTREAM_HEADERS_TIMEOUT_MS + e.UPSTREAM_BODY_TIMEOUT_MS;
  const drainMs = e.SHUTDOWN_DRAIN_MS ?? upstreamMs + 2_000;
  if (drainMs <= upstreamMs) later.push(`SHUTDOWN_DRAIN_MS: must be longer than the upstream timeouts together (${upstreamMs} ms)`);
  if (later.length > 0 || !embed.ok || !state.ok || !brand.ok) throw new ConfigError(later);
  const instances: InstanceEntries = file?.ok ? file.entries : { default: provider };
  return {
    port: e.PORT,
    host: e.HOST,
    provider,
    simulated: { speaks: e.SIMULATED_PROVIDER, qr: e.SIMULATED_QR },
    instances,
    embed: embed.embed,
    state: state.state,
    brand: brand.brand,
    upstream: {
      connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: e.UPSTREAM_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.UPSTREAM_BODY_TIMEOUT_MS,
      maxResponseBytes: e.UPSTREAM_MAX_RESPONSE_BYTES,
    },
    server: { headersTimeoutMs: e.SERVER_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.SERVER_REQUEST_TIMEOUT_MS },
    operator: token || basic ? { token, basic } : null,
    hsts: e.HSTS === 'true',
    timelineRetentionMs: e.TIMELINE_DAYS * 24 * 60 * 60 * 1000,
    trustProxy: e.TRUST_PROXY,
    guardLimits: {
      ...defaultGuardLimits,
      codeRequestsPerInstancePerHour: e.CODE_REQUESTS_PER_INSTANCE_PER_HOUR,
      codeRequestsPerProxyPerHour: e.CODE_REQUESTS_PER_HOUR,
      numbersPerInstancePerHour: e.NUMBERS_PER_INSTANCE_PER_HOUR,
      emailSendsPerInstancePerHour: e.EMAIL_SENDS_PER_INSTANCE_PER_HOUR,
      pairingCodesPerInstancePerHour: e.PAIRING_CODES_PER_INSTANCE_PER_HOUR,
      qrCodesPerInstancePerHour: e.QR_CODES_PER_INSTANCE_PER_HOUR,
      guessesPerInstancePerHour: e.GUESSES_PER_INSTANCE_PER_HOUR,
    },
    drainMs,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    metricsPort: e.METRICS_PORT ?? null,
    staticDir: e.STATIC_DIR,
    simulatedHitCounter: e.SIMULATED_UPSTREAM_HIT_COUNTER === '1',
  };
}
