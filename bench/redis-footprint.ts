import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startConsoleServer } from '../e2e/support/console-server';
import { startRedis } from '../e2e/support/redis-process';
import { mintEmbedToken } from '../examples/portal/mint-token';
import { embedSessionSchema } from '../src/contract/embed';

/**
 * `npm run bench:footprint`: what Redis holds after 1,000 journeys. One proxy process (the build,
 * as `npm run serve` runs it) with Redis, embedding on and 1,000 instance aliases on the standalone
 * simulated provider; each journey is what a portal and an operator do: a token exchanged for a
 * session, the availability, an SMS code and the code, to connected. Then every key under the
 * prefix is counted, measured (MEMORY USAGE) and its TTL read, by kind.
 */
const JOURNEYS = Number(process.env.FOOTPRINT_JOURNEYS ?? 1000);
const CONCURRENCY = 8;
const PREFIX = 'wa-onboarding:';
const secret = 'footprint-embed-secret-of-at-least-32-characters';
const issuer = 'footprint-portal';
const portalOrigin = 'http://127.0.0.1:9';

if (!existsSync('dist-server/main.js') || !existsSync('dist-server/simulated-provider.js')) {
  process.stderr.write('Run "npm run build" first: this measures the built proxy.\n');
  process.exit(1);
}

/** Server-side, so keys are never copied out: count, MEMORY USAGE and TTL range per kind of key. */
const AGGREGATE = `
local prefix, cursor, kinds = ARGV[1], '0', {}
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', prefix .. '*', 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do
    local kind = string.match(string.sub(key, #prefix + 1), '^[^:%z]*')
    local k = kinds[kind] or { 0, 0, -3, -3, 0 }
    local ttl = redis.call('PTTL', key)
    k[1] = k[1] + 1
    k[2] = k[2] + (redis.call('MEMORY', 'USAGE', key) or 0)
    if redis.call('TYPE', key).ok == 'string' then k[5] = k[5] + redis.call('STRLEN', key) end
    if k[3] == -3 or ttl < k[3] then k[3] = ttl end
    if ttl > k[4] then k[4] = ttl end
    kinds[kind] = k
  end
until cursor == '0'
local out = {}
for kind, k in pairs(kinds) do table.insert(out, { kind, k[1], k[2], k[3], k[4], k[5] }) end
return out`;

const kindsSchema = z.array(z.tuple([z.string(), z.number(), z.number(), z.number(), z.number(), z.number()]));

const redis = await startRedis();
const dir = mkdtempSync(join(tmpdir(), 'wa-footprint-'));
const provider = await startConsoleServer({ SIMULATED_PORT: '0' }, 'dist-server/simulated-provider.js');
const providerUrl = /listening on (http:\/\/\S+)/.exec(provider.output())?.[1] ?? '';
const aliases = Array.from({ length: JOURNEYS }, (_, index) => `journey-${String(index).padStart(4, '0')}`);
const instancesFile = join(dir, 'instances.json');
writeFileSync(
  instancesFile,
  JSON.stringify(
    Object.fromEntries(aliases.map((alias) => [alias, { provider: 'zapi', baseUrl: providerUrl, instanceId: alias, instanceToken: 'token', clientToken: 'client' }])),
  ),
);
const proxy = await startConsoleServer({
  LOG_LEVEL: 'warn',
  INSTANCES_FILE: instancesFile,
  EMBED_ENABLED: 'true',
  EMBED_ISSUER: issuer,
  EMBED_SECRET: secret,
  EMBED_ALLOWED_ORIGINS: portalOrigin,
  REDIS_URL: redis.url,
  REDIS_KEY_PREFIX: PREFIX,
  STATE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
});

async function post(path: string, body: object, session?: string): Promise<unknown> {
  const response = await fetch(`${proxy.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}: ${JSON.stringify(answer)}`);
  return answer;
}

async function journey(index: number): Promise<void> {
  const alias = aliases[index] ?? '';
  const token = await mintEmbedToken({ secret, issuer, operator: `operator-${String(index % 50)}`, instance: alias, parentOrigin: portalOrigin });
  const { session } = embedSessionSchema.parse(await post('/api/v1/embed/session', { token }));
  const number = { ddi: '55', phone: `1198${String(index).padStart(7, '0')}` };
  await post('/api/v1/registration/availability', number, session);
  await post('/api/v1/registration/code-request', { ...number, method: 'sms' }, session);
  const confirmed = z.object({ outcome: z.string() }).parse(await post('/api/v1/registration/code-confirmation', { code: '123456' }, session));
  if (confirmed.outcome !== 'connected') throw new Error(`journey ${alias} ended ${confirmed.outcome}`);
}

const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.cli('INFO', 'memory'))?.[1] ?? NaN);

try {
  const memoryBefore = await usedMemory();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOURNEYS) await journey(next++);
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const kinds = kindsSchema.parse(JSON.parse(await redis.cli('--json', 'EVAL', AGGREGATE, '0', PREFIX))).sort((a, b) => a[0].localeCompare(b[0]));
  const memoryAfter = await usedMemory();
  const keys = kinds.reduce((sum, kind) => sum + kind[1], 0);
  const bytes = kinds.reduce((sum, kind) => sum + kind[2], 0);
  const ttl = (ms: number) => (ms === -1 ? 'none' : ms < 0 ? '—' : ms > 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} h` : ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(0)} s`);
  const rows = kinds.map(
    ([kind, count, memory, low, high, value]) =>
      `| \`${PREFIX}${kind}:…\` | ${count} | ${value > 0 ? (value / count).toFixed(0) : 'sorted set'} | ${memory} | ${(memory / JOURNEYS).toFixed(0)} | ${ttl(low)} – ${ttl(high)} |`,
  );
  process.stdout.write(
    [
      `# Redis after ${JOURNEYS} journeys`,
      '',
      `${JOURNEYS} embedded journeys (token exchange, availability, SMS code, code, connected) on ${JOURNEYS} instances, ${CONCURRENCY} at a time, in ${seconds.toFixed(1)} s; Redis ${(await redis.cli('INFO', 'server')).match(/redis_version:(\S+)/)?.[1] ?? '?'}.`,
      '',
      '| keys | count | value bytes per key | bytes in Redis (MEMORY USAGE) | per journey | TTL left (lowest – highest) |',
      '|---|---|---|---|---|---|',
      ...rows,
      `| **total** | **${keys}** | | **${bytes}** | **${(bytes / JOURNEYS).toFixed(0)}** | |`,
      '',
      `used_memory grew by ${memoryAfter - memoryBefore} bytes (${((memoryAfter - memoryBefore) / JOURNEYS).toFixed(0)} per journey).`,
      '',
    ].join('\n'),
  );
  if (kinds.some(([, , , low]) => low === -1)) {
    process.stderr.write('Some keys have no TTL.\n');
    process.exitCode = 1;
  }
} finally {
  await proxy.stop();
  await provider.stop();
  await redis.close();
  rmSync(dir, { recursive: true, force: true });
}
