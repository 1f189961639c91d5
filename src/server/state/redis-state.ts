import { Redis } from 'ioredis';
import { z } from 'zod';
import { StateUnavailableError } from './state-unavailable';

/** Two connections to Redis shared by every store, with the key prefix and the fail-closed wrapper. */
export interface RedisState {
  /** The prefixed key of `kind` and `name`. */
  key: (kind: string, name: string) => string;
  /**
   * Runs one exchange with Redis; any failure becomes a StateUnavailableError. The exchanges asked for in
   * one tick start together once it ends (at setImmediate), in order, and their commands leave in one
   * write: after an answer written in that tick, which waits neither for them nor for building them.
   */
  run: <T>(work: (client: Redis) => Promise<T>) => Promise<T>;
  /**
   * As `run`, on a second connection that writes each command as it is issued: for the exchange a call
   * waits on before the provider is asked (its turn, then its reads, in that order on this connection).
   */
  runAtOnce: <T>(work: (client: Redis) => Promise<T>) => Promise<T>;
  /** The value under `key`, or null; read with the other reads of this tick (see `createReadBatch`). */
  get: (key: string) => Promise<string | null>;
  /** The scores at or after `since` of the sorted set under `key`, lowest first; batched like `get`. */
  scoresSince: (key: string, since: number) => Promise<number[]>;
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

interface Connection {
  client: Redis;
  run: RedisState['run'];
  connected: (timeoutMs: number) => Promise<boolean>;
}

/** One connection with the fail-closed wrapper; each command is written as it is issued. */
function openConnection(options: RedisStateOptions, outage: { down: boolean }): Connection {
  const client = new Redis(options.url, {
    // Fail fast while disconnected: no queue of commands replayed later, no retry of a command.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    // Reconnect forever, at most a second apart, so the proxy recovers without a restart.
    retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
  });
  // Until the first connection, a call waits for it (briefly) rather than failing at once.
  let everReady = false;
  client.once('ready', () => (everReady = true));
  client.on('error', (error: Error) => {
    if (outage.down) return;
    outage.down = true;
    options.onConnectionError?.(error.message);
  });
  client.on('ready', () => {
    if (!outage.down) return;
    outage.down = false;
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

  // Calls made before the first connection share one wait (one listener, however many calls).
  let firstConnection: Promise<boolean> | null = null;
  const awaitFirstConnection = (): Promise<boolean> =>
    (firstConnection ??= connected(2_000).then((ready) => {
      if (!ready) firstConnection = null;
      return ready;
    }));

  const run = async <T>(work: (redis: Redis) => Promise<T>): Promise<T> => {
    if (!everReady) await awaitFirstConnection();
    try {
      return await work(client);
    } catch (error) {
      throw new StateUnavailableError(error instanceof Error ? error.message : 'unknown failure');
    }
  };
  return { client, run, connected };
}

/**
 * The exchanges asked for in one tick, started at its end in the order asked, their commands corked into
 * one write. A call's writes are then built and sent after its answer has left, not before.
 */
function endOfTick(connection: Connection): RedisState['run'] {
  let queued: Array<() => void> = [];
  const flush = () => {
    const starts = queued;
    queued = [];
    // Not connected yet, there is no socket to cork: the exchanges then wait for it, or fail closed.
    const socket = connection.client.status === 'ready' ? connection.client.stream : null;
    socket?.cork();
    try {
      for (const start of starts) start();
    } finally {
      socket?.uncork();
    }
  };
  return (work) =>
    new Promise((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush);
      queued.push(() => void connection.run(work).then(resolve, reject));
    });
}

/**
 * Why two connections: a call waits on Redis once before the provider is asked, and holding that
 * exchange's commands for the end of the tick costs the wait a pass of the event loop. Its writes,
 * though, should leave after its answer, together. So the exchange a call waits on goes out at once on
 * one connection, and everything else leaves at the end of the tick on the other (docs/decisions/130).
 */
export function createRedisState(options: RedisStateOptions): RedisState {
  const outage = { down: false };
  const later = openConnection(options, outage);
  const atOnce = openConnection(options, outage);
  const atEndOfTick = endOfTick(later);
  // The last exchange this process started on the end-of-tick connection. Redis answers a connection
  // in order, so once that one is answered so is everything sent before it: a read on the other
  // connection waits for it, and this process always reads its own writes.
  let last: Promise<unknown> = Promise.resolve();
  const run: RedisState['run'] = (work) => {
    const exchange = atEndOfTick(work);
    last = exchange.then(
      () => undefined,
      () => undefined,
    );
    return exchange;
  };
  const batch = createReadBatch(atOnce.run, () => last);
  return {
    key: (kind, name) => `${options.keyPrefix}${kind}:${name}`,
    run,
    runAtOnce: atOnce.run,
    get: (key) => batch.read(key, '').then((value) => (Array.isArray(value) ? null : value)),
    scoresSince: (key, since) =>
      batch.read(key, String(since)).then((value) => (Array.isArray(value) ? value.filter((_, index) => index % 2 === 1).map(Number) : [])),
    reachable: async () => {
      try {
        await Promise.all([later.client.ping(), atOnce.client.ping()]);
        return true;
      } catch {
        return false;
      }
    },
    connected: async (timeoutMs) => (await Promise.all([later.connected(timeoutMs), atOnce.connected(timeoutMs)])).every(Boolean),
    close: async () => {
      await Promise.all(
        [later.client, atOnce.client].map(async (client) => {
          try {
            await client.quit();
          } catch {
            client.disconnect();
          }
        }),
      );
    },
  };
}

/**
 * One script for a batch of reads: per key, a GET when its ARGV is empty, otherwise its sorted set's
 * members and scores from that score on. A missing value comes back as false (nil), keeping the places.
 */
const readScript = `
local out = {}
for i, key in ipairs(KEYS) do
  if ARGV[i] == '' then out[i] = redis.call('GET', key) or false
  else out[i] = redis.call('ZRANGEBYSCORE', key, ARGV[i], '+inf', 'WITHSCORES') end
end
return out`;

const readAnswerSchema = z.array(z.union([z.string(), z.null(), z.array(z.string())]));
type ReadAnswer = z.infer<typeof readAnswerSchema>[number];

/**
 * The reads a call issues together (its journey, its provider memory, its hourly attempts) leave as one
 * command instead of one each: a command costs the client tens of microseconds before and after the
 * round trip, which a call waits on. Reads issued in one tick are sent once its synchronous work is done
 * (a microtask), on the connection that writes at once, behind a turn written there before them, and
 * after every write this process still has on its way on the other connection.
 */
function createReadBatch(run: RedisState['run'], writesAnswered: () => Promise<unknown>) {
  let pending: Array<{ key: string; since: string; resolve: (value: ReadAnswer) => void; reject: (error: unknown) => void }> = [];
  const flush = () => {
    const reads = pending;
    pending = [];
    const send = () => run((redis) => redis.eval(readScript, reads.length, ...reads.map((read) => read.key), ...reads.map((read) => read.since)));
    writesAnswered()
      .then(send)
      .then((answer) => {
        const parsed = readAnswerSchema.safeParse(answer);
        if (!parsed.success || parsed.data.length !== reads.length) throw new StateUnavailableError('unexpected read answer');
        reads.forEach((read, index) => read.resolve(parsed.data[index] ?? null));
      })
      .catch((error: unknown) => {
        for (const read of reads) read.reject(error);
      });
  };
  return {
    read: (key: string, since: string): Promise<ReadAnswer> =>
      new Promise((resolve, reject) => {
        if (pending.length === 0) queueMicrotask(flush);
        pending.push({ key, since, resolve, reject });
      }),
  };
}
