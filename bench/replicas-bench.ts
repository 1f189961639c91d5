import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { z } from 'zod';
import { freePort } from '../e2e/support/free-port';
import { startNginx } from '../e2e/support/nginx-process';
import { startRedis } from '../e2e/support/redis-process';
import { cpuSeconds } from './cpu-time';

/**
 * Part of `npm run bench:proxy`: what shared state costs. The same guarded call (an availability
 * check: the journey record read and written, three hourly counters read) goes to the simulated
 * upstream directly, to one proxy process keeping state in memory, to one with Redis, and to three
 * with Redis behind nginx (deploy/nginx.conf), all in one run; each is compared with the upstream.
 */
export interface ReplicaBenchOptions {
  upstreamUrl: string;
  instance: { instanceId: string; instanceToken: string; clientToken: string };
  operatorToken: string;
  seconds: number;
}

/** Rounds per second of the latency phase; each round sends one call to every setup in turn. */
const ROUNDS_PER_SECOND = 50;
const CONNECTIONS = 10;
const number = { ddi: '55', phone: '11987654321' };

const resultSchema = z.object({
  latency: z.object({ p50: z.number(), p99: z.number() }),
  requests: z.object({ average: z.number(), total: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
});
type Result = z.infer<typeof resultSchema>;

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The processes that work for this setup: proxies and redis-server (nginx's worker is not counted). */
  pids: number[];
}

export interface Latency {
  p50: number;
  p99: number;
  failures: number;
  samples: number;
}

/**
 * Latencies to the microsecond: rounds of one call to each setup in turn, on one kept-alive
 * connection each, so that whatever else the machine does at a moment weighs on every setup alike.
 * Each round starts one setup further on: a setup measured right after another shares the cores with
 * that one's work after its answer (its log line, its writes), so no setup always follows the same one.
 */
async function interleaved(targets: Target[], seconds: number): Promise<Latency[]> {
  const agent = new Agent({ connections: 1, pipelining: 1 });
  const samples = targets.map(() => [] as number[]);
  const failed = targets.map(() => 0);
  const body = JSON.stringify(number);
  const end = performance.now() + seconds * 1000;
  let round = 0;
  try {
    while (performance.now() < end) {
      const roundStart = performance.now();
      round += 1;
      for (const [index, target] of rotated(targets, round)) {
        const started = performance.now();
        const answer = await request(target.url, { method: 'POST', headers: { ...target.headers, 'content-type': 'application/json' }, body, dispatcher: agent });
        await answer.body.text();
        samples[index]?.push(performance.now() - started);
        if (answer.statusCode !== 200) failed[index] = (failed[index] ?? 0) + 1;
      }
      await sleep(Math.max(0, 1000 / ROUNDS_PER_SECOND - (performance.now() - roundStart)));
    }
  } finally {
    await agent.close();
  }
  return samples.map((values, index) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
    return { p50: at(0.5), p99: at(0.99), failures: failed[index] ?? 0, samples: sorted.length };
  });
}

/** The setups with their index, starting at the `round`-th. */
function rotated<T>(items: T[], round: number): Array<[number, T]> {
  const entries = [...items.entries()];
  const start = round % entries.length;
  return [...entries.slice(start), ...entries.slice(0, start)];
}

/** Throughput: autocannon, CONNECTIONS connections as fast as they go. */
async function load(target: Target, seconds: number): Promise<Result> {
  const args = ['node_modules/autocannon/autocannon.js', '-j', '-d', String(seconds), '-m', 'POST', '-b', JSON.stringify(number)];
  args.push('-c', String(CONNECTIONS));
  for (const [name, value] of Object.entries({ ...target.headers, 'content-type': 'application/json' })) args.push('-H', `${name}=${value}`);
  args.push(target.url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await once(child, 'exit');
  return resultSchema.parse(JSON.parse(output));
}

/** bench/proxy-process.ts (the proxy with its log lines formatted, then discarded) on `port`. */
async function startProcess(port: number, env: Record<string, string>): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/proxy-process.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a proxy process did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    pid: child.pid ?? -1,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU milliseconds the setup's processes spent per request while `work` ran (null off Linux). */
async function cpuPerRequest(pids: number[], work: () => Promise<Result>): Promise<{ result: Result; cpuMs: number | null }> {
  const before = pids.map(cpuSeconds);
  const result = await work();
  const after = pids.map(cpuSeconds);
  const spent = after.reduce<number | null>((sum, value, index) => {
    const start = before[index];
    return sum === null || value === null || start === null || start === undefined ? null : sum + value - start;
  }, 0);
  return { result, cpuMs: spent === null || pids.length === 0 ? null : (spent * 1000) / result.requests.total };
}

export interface ReplicaFigures {
  /** `upstream`: the upstream directly, measured in the same phase as the row. */
  rows: Array<{ name: string; latency: Latency; upstream: Latency; max: Result; cpuMs: number | null }>;
}

export async function runReplicaBench(options: ReplicaBenchOptions): Promise<ReplicaFigures> {
  const { instance } = options;
  const redis = await startRedis();
  const stops: Array<() => Promise<void>> = [() => redis.close()];
  try {
    const common = {
      ZAPI_BASE_URL: options.upstreamUrl,
      ZAPI_INSTANCE_ID: instance.instanceId,
      ZAPI_INSTANCE_TOKEN: instance.instanceToken,
      ZAPI_CLIENT_TOKEN: instance.clientToken,
      OPERATOR_TOKEN: options.operatorToken,
    };
    const shared = { ...common, REDIS_URL: redis.url, STATE_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    const [memoryPort, redisPort, ...replicaPorts] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const started = async (port: number, env: Record<string, string>) => {
      const child = await startProcess(port, env);
      stops.push(child.stop);
      return child.pid;
    };
    const memoryPid = await started(memoryPort, common);
    // Each setup keeps its journeys under its own prefix: one setup's turn never waits on the other's lock.
    const redisPid = await started(redisPort, { ...shared, REDIS_KEY_PREFIX: 'bench-one:' });
    const replicaPids = [];
    for (const port of replicaPorts) replicaPids.push(await started(port, { ...shared, REDIS_KEY_PREFIX: 'bench-three:' }));
    const redisServerPid = Number(/process_id:(\d+)/.exec(await redis.cli('INFO', 'server'))?.[1] ?? -1);
    const nginx = await startNginx(replicaPorts);
    stops.push(() => nginx.close());

    const auth = { authorization: `Bearer ${options.operatorToken}` };
    const path = '/api/v1/registration/availability';
    const targets: Target[] = [
      {
        name: 'upstream directly',
        url: `${options.upstreamUrl}/instances/${instance.instanceId}/token/${instance.instanceToken}/mobile/registration-available`,
        headers: { 'client-token': instance.clientToken },
        pids: [],
      },
      { name: 'one process, state in memory', url: `http://127.0.0.1:${String(memoryPort)}${path}`, headers: auth, pids: [memoryPid] },
      { name: 'one process, state in Redis', url: `http://127.0.0.1:${String(redisPort)}${path}`, headers: auth, pids: [redisPid, redisServerPid] },
      { name: 'three processes, Redis, behind nginx', url: `${nginx.url}${path}`, headers: auth, pids: [...replicaPids, redisServerPid] },
    ];
    // Warm-up: JIT, connection pools, Redis scripts loaded.
    // Two phases: the one-process setups together, then the three processes with the upstream alone.
    // A setup answered by three processes, nginx and the shared Redis leaves work running after each
    // answer (log lines, writes), which would land on whichever one-process setup came next.
    const [direct, memory, oneRedis, three] = targets;
    if (!direct || !memory || !oneRedis || !three) throw new Error('four setups expected');
    await interleaved(targets, 1);
    const [directLatency, memoryLatency, redisLatency] = await interleaved([direct, memory, oneRedis], options.seconds * 2);
    const [directAgain, threeLatency] = await interleaved([direct, three], options.seconds);
    if (!directLatency || !memoryLatency || !redisLatency || !directAgain || !threeLatency) throw new Error('no latency measured');
    const measured: Array<[Target, Latency, Latency]> = [
      [direct, directLatency, directLatency],
      [memory, memoryLatency, directLatency],
      [oneRedis, redisLatency, directLatency],
      [three, threeLatency, directAgain],
    ];
    const rows = [];
    for (const [target, latency, upstream] of measured) {
      const { result, cpuMs } = await cpuPerRequest(target.pids, () => load(target, options.seconds));
      rows.push({ name: target.name, latency, upstream, max: result, cpuMs });
    }
    return { rows };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** Errors, timeouts and non-2xx answers through any proxy setup (the upstream's own are not counted). */
export function replicaFailures(figures: ReplicaFigures): number {
  return figures.rows.slice(1).reduce((sum, row) => sum + row.latency.failures + failures(row.max), 0);
}

const failures = (result: Result) => result.errors + result.timeouts + result.non2xx;

/** The section of docs/performance.md with these figures. */
export function renderReplicaBench(figures: ReplicaFigures, seconds: number): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)} ms`;
  const [direct, memory, redis] = figures.rows;
  if (!direct || !memory || !redis) return '';
  const redisCost = redis.latency.p50 - memory.latency.p50;
  const cpu = (value: number | null) => (value === null ? '' : `${value.toFixed(3)} ms`);
  const rows = figures.rows.map(
    (row) =>
      `| ${row.name} | ${ms(row.latency.p50)} | ${ms(row.latency.p99)} | ${row === direct ? '' : signed(row.latency.p50 - row.upstream.p50)} | ${row === direct ? '' : signed(row.latency.p99 - row.upstream.p99)} | ${Math.round(row.max.requests.average)} | ${cpu(row.cpuMs)} | ${row.latency.failures + failures(row.max)} |`,
  );
  const cpuCost = redis.cpuMs !== null && memory.cpuMs !== null ? redis.cpuMs - memory.cpuMs : null;
  return `
## Shared state: memory, Redis, three processes behind nginx

The guarded call \`POST /api/v1/registration/availability\` (the journey record read and written, three hourly
counters read, the in-flight and per-instance guards), in the same run, with one Redis and nginx on loopback
(\`bench/replicas-bench.ts\`). Latencies are timed to the microsecond, in rounds of one call to each setup in turn
on one kept-alive connection, ${ROUNDS_PER_SECOND} rounds a second, each round starting one setup further on, so the
machine's other load weighs on all alike. There are two phases: ${seconds * 2} s for the upstream directly and the two
one-process setups, then ${seconds} s for the upstream directly and the three processes. The three-process setup
leaves work running after each answer (log lines, writes to the shared Redis, nginx), which would otherwise land on
whichever setup came next. "Added" is against the upstream directly, measured in the same phase. The two Redis
setups keep their keys under separate prefixes. req/s: ${CONNECTIONS} connections as fast as they go, ${seconds} s per
setup. Calls for one instance are serialized by design, so req/s here is one instance's ceiling, not the proxy's.

| | p50 | p99 | p50 added | p99 added | req/s | CPU per request | failures |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

**Redis adds ${signed(redisCost)} p50 per call** over state in memory (goal: ≤ 1 ms), over ${memory.latency.samples} rounds.
${
  cpuCost === null
    ? ''
    : `In CPU time, which the machine's other load does not inflate, Redis costs ${cpuCost.toFixed(3)} ms per call (the proxy's
client work plus redis-server's; "CPU per request" is the sum over the setup's proxies and redis-server in the req/s
phase, nginx's worker not counted).`
}
`;
}
