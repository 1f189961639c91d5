import { randomBytes } from 'node:crypto';
import { startConsoleServer, type ConsoleServer } from './console-server';
import { freePort } from './free-port';
import { startNginx, type NginxProcess } from './nginx-process';
import { startRedis, type RedisProcess } from './redis-process';

/** The operator credential of the replicas (they talk to a provider with credentials, so one is required). */
export const OPERATOR_TOKEN = 'replicas-operator-token-0123456789';

/** One proxy process on a port of its own, which it keeps across restarts (nginx lists it). */
export interface Replica {
  port: number;
  url: string;
  /** The address nginx names it by in its `x-served-by` header. */
  address: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
  output(): string;
}

export interface Topology {
  /** nginx's address: what the browser opens. */
  url: string;
  redis: RedisProcess;
  replicas: Replica[];
  /** Calls that reached the shared simulated provider so far, by route. */
  providerHits(): Promise<Record<string, number>>;
  /** Restarts every replica at once (a deploy): stop all, then start all. */
  restartAll(): Promise<void>;
  /**
   * Restarts every replica on a fresh simulated instance and key prefix, so a test starts from a
   * disconnected instance with no journey, attempt or session left by the one before.
   */
  freshInstance(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface TopologyOptions {
  replicas?: number;
  /** Extra environment for every replica. */
  env?: Record<string, string>;
}

/**
 * The deployment of docs/deploying.md on loopback: one Redis, one standalone simulated provider,
 * proxy processes (`node dist-server/main.js`, as `npm run serve` starts them) behind nginx with
 * deploy/nginx.conf. Everything listens on 127.0.0.1 and is stopped by `close`.
 */
export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const redis = await startRedis();
    closers.push(() => redis.close());
    const provider = await startConsoleServer({ SIMULATED_PORT: '0', SIMULATED_UPSTREAM_HIT_COUNTER: '1' }, 'dist-server/simulated-provider.js');
    closers.push(() => provider.stop());
    const providerUrl = /listening on (http:\/\/\S+)/.exec(provider.output())?.[1] ?? '';
    const encryptionKey = randomBytes(32).toString('hex');
    let instance = 'replicas-first';
    let prefix = 'e2e-replicas:first:';

    const replicas: Replica[] = [];
    for (let index = 0; index < (options.replicas ?? 3); index++) {
      const port = await freePort();
      let server: ConsoleServer | null = null;
      const replica: Replica = {
        port,
        url: `http://127.0.0.1:${String(port)}`,
        address: `127.0.0.1:${String(port)}`,
        start: async () => {
          server ??= await startConsoleServer({
            PORT: String(port),
            LOG_LEVEL: 'info',
            ZAPI_BASE_URL: providerUrl,
            ZAPI_INSTANCE_ID: instance,
            ZAPI_INSTANCE_TOKEN: 'replicas-instance-token',
            ZAPI_CLIENT_TOKEN: 'replicas-client-token',
            OPERATOR_TOKEN,
            REDIS_URL: redis.url,
            REDIS_KEY_PREFIX: prefix,
            STATE_ENCRYPTION_KEY: encryptionKey,
            ...options.env,
          });
        },
        stop: async () => {
          await server?.stop();
          server = null;
        },
        kill: async () => {
          await server?.kill();
          server = null;
        },
        output: () => server?.output() ?? '',
      };
      replicas.push(replica);
      closers.push(() => replica.stop());
    }
    await Promise.all(replicas.map((replica) => replica.start()));
    const ports = replicas.map((replica) => replica.port);
    let nginx: NginxProcess = await startNginx(ports);
    closers.push(() => nginx.close());

    const restartAll = async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await Promise.all(replicas.map((replica) => replica.start()));
    };
    return {
      get url() {
        return nginx.url;
      },
      redis,
      replicas,
      providerHits: provider.upstreamHits,
      restartAll,
      freshInstance: async (name) => {
        instance = `replicas-${name}`;
        prefix = `e2e-replicas:${name}:`;
        await restartAll();
        // A fresh balancer too: the old one's kept-alive connections led to the stopped processes, and
        // the first error on each marks a process down for 5 s (max_fails=1), so a test would start
        // with fewer than three.
        await nginx.close();
        nginx = await startNginx(ports);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The total of some routes' counts between two readings of the provider's hit counter. */
export function hitsBetween(before: Record<string, number>, after: Record<string, number>, routes?: string[]): number {
  const names = routes ?? [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.reduce((sum, route) => sum + (after[route] ?? 0) - (before[route] ?? 0), 0);
}
