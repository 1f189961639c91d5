import { Redis } from 'ioredis';
import { StateUnavailableError } from './state-unavailable';

/** One connection to Redis shared by every store, with the key prefix and the fail-closed wrapper. */
export interface RedisState {
  /** The prefixed key of `kind` and `name`. */
  key: (kind: string, name: string) => string;
  /** Runs one exchange with Redis; any failure becomes a StateUnavailableError. */
  run: <T>(work: (client: Redis) => Promise<T>) => Promise<T>;
  /** True when Redis answers a PING now. */
  reachable: () => Promise<boolean>;
  /** Resolves once connected, or false after `timeoutMs` (the proxy starts anyway, not ready). */
  connected: (timeoutMs: number) => Promise<boolean>;
  close: () => Promise<void>;
}

export interface RedisStateOptions {
  url: string;
  keyPrefix: string;
  /** A command that takes longer fails (and the call answers 503) instead of hanging the request. */
  commandTimeoutMs?: number;
  /** Connection problems, reported at most once per outage. */
  onConnectionError?: (message: string) => void;
  onReconnected?: () => void;
}

export function createRedisState(options: RedisStateOptions): RedisState {
  const client = new Redis(options.url, {
    // Fail fast while disconnected: no queue of commands replayed later, no retry of a command.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    // Reconnect forever, at most a second apart, so the proxy recovers without a restart.
    retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
    // Commands issued in the same tick share one round trip.
    enableAutoPipelining: true,
  });
  let down = false;
  // Until the first connection, a call waits for it (briefly) rather than failing at once.
  let everReady = false;
  client.once('ready', () => (everReady = true));
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.onConnectionError?.(error.message);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    options.onReconnected?.();
  });

  const connected = (timeoutMs: number): Promise<boolean> =>
    client.status === 'ready'
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            client.off('ready', onReady);
            resolve(false);
          }, timeoutMs);
          const onReady = () => {
            clearTimeout(timer);
            resolve(true);
          };
          client.once('ready', onReady);
        });

  const run = async <T>(work: (redis: Redis) => Promise<T>): Promise<T> => {
    if (!everReady) await connected(2_000);
    try {
      return await work(client);
    } catch (error) {
      throw new StateUnavailableError(error instanceof Error ? error.message : 'unknown failure');
    }
  };

  return {
    key: (kind, name) => `${options.keyPrefix}${kind}:${name}`,
    run,
    reachable: async () => {
      try {
        await client.ping();
        return true;
      } catch {
        return false;
      }
    },
    connected,
    close: async () => {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
