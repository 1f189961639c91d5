import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ApiReply } from '../../gateway/api-call';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';
import { StateUnavailableError } from './state-unavailable';

/**
 * How calls for one instance take turns, and how identical calls in flight share one provider call.
 * In memory this covers one process; over Redis, every process that shares it.
 */
export interface CallCoordination {
  /** Runs `task` while no other task for `instanceKey` runs; read, refuse, call and write are one step. */
  exclusive<T>(instanceKey: string, task: () => Promise<T>): Promise<T>;
  /** Runs `task` once for identical calls (same `key`) in flight at the same time; the others get its reply. */
  collapse(key: string, task: () => Promise<ApiReply>): Promise<ApiReply>;
}

export function createMemoryCoordination(): CallCoordination {
  const queues = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, Promise<ApiReply>>();
  return {
    exclusive<T>(instanceKey: string, task: () => Promise<T>): Promise<T> {
      const previous = queues.get(instanceKey) ?? Promise.resolve();
      const next = previous.then(task, task);
      const settled = next.then(
        () => undefined,
        () => undefined,
      );
      queues.set(instanceKey, settled);
      void settled.then(() => {
        if (queues.get(instanceKey) === settled) queues.delete(instanceKey);
      });
      return next;
    },
    async collapse(key, task) {
      const pending = inFlight.get(key);
      if (pending) return pending;
      const call = task();
      inFlight.set(key, call);
      try {
        return await call;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}

export interface RedisCoordinationTimes {
  /** A lock outlives the longest provider call; a process that dies holding it frees it after this. */
  lockMs: number;
  /** How long a call waits for its turn (or for an identical call's reply) before answering 503. */
  waitMs: number;
  /** How long a reply stays readable for the identical calls that waited on it. */
  replyMs: number;
  /** Pause between two looks at a lock held by another process. */
  pollMs: number;
}

export const defaultCoordinationTimes: RedisCoordinationTimes = { lockMs: 60_000, waitMs: 60_000, replyMs: 5_000, pollMs: 15 };

/** Deletes the lock only while it still holds this holder's token: an expired lock taken over by another stays. */
const releaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
/** Takes the lock, or names who holds it: ARGV[1] when taken, the holder's token otherwise. */
const takeOrNameScript =
  "local holder = redis.call('GET', KEYS[1]) if holder then return holder end redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1]";

const replySchema = z.object({ status: z.number().int(), body: z.unknown() });

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Over Redis: the per-instance lock is `SET NX PX` with a random token, released by a Lua compare-and-delete;
 * within one process calls queue first (as in memory), so only one per process polls Redis. Collapsing: the
 * first identical call takes a flight lock and publishes its reply under its token for `replyMs`; the
 * others wait for that reply, and only calls that saw that flight get it, never a later identical call.
 */
export function createRedisCoordination(state: RedisState, times: RedisCoordinationTimes = defaultCoordinationTimes): CallCoordination {
  const local = createMemoryCoordination();
  const token = () => randomBytes(16).toString('base64url');
  const release = (key: string, holder: string) => state.run((redis) => redis.eval(releaseScript, 1, key, holder));

  async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const mine = token();
    const deadline = Date.now() + times.waitMs;
    while ((await state.run((redis) => redis.set(key, mine, 'PX', times.lockMs, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for a lock');
      await sleep(times.pollMs);
    }
    try {
      return await task();
    } finally {
      // A failed release leaves the lock to expire; the answer already computed still goes out.
      await release(key, mine).catch(() => undefined);
    }
  }

  return {
    exclusive: (instanceKey, task) => local.exclusive(instanceKey, () => withLock(state.key('lock', instanceKey), task)),
    collapse: (key, task) =>
      local.collapse(key, async () => {
        const name = hashedName(key);
        const flight = state.key('flight', name);
        const mine = token();
        const deadline = Date.now() + times.waitMs;
        for (;;) {
          const holder = await state.run((redis) => redis.eval(takeOrNameScript, 1, flight, mine, times.lockMs));
          if (holder === mine) break;
          if (typeof holder !== 'string') throw new StateUnavailableError('unexpected lock answer');
          // Another process runs the same call: wait for its reply while its flight lasts.
          const replyKey = state.key('reply', `${name}:${holder}`);
          for (;;) {
            const [reply, current] = await state.run((redis) => redis.mget(replyKey, flight));
            const parsed = typeof reply === 'string' ? replySchema.safeParse(parseJson(reply)) : null;
            if (parsed?.success) return parsed.data;
            if (current !== holder) break;
            if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for an identical call');
            await sleep(times.pollMs);
          }
          // The flight ended without a reply (its process died, or Redis lost it): try to run it here.
        }
        try {
          const reply = await task();
          // Unpublished, the waiting calls see the flight end without a reply and run the call themselves.
          await state
            .run((redis) => redis.set(state.key('reply', `${name}:${mine}`), JSON.stringify(reply), 'PX', times.replyMs))
            .catch(() => undefined);
          return reply;
        } finally {
          await release(flight, mine).catch(() => undefined);
        }
      }),
  };
}
