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
  /**
   * Runs `task` once for identical calls (same `callKey`) in flight at the same time, the others getting
   * its reply, and while no other task for `instanceKey` runs: read, refuse, call and write are one
   * step. `read` fetches what the task needs; over Redis it goes out with the request for the turn.
   */
  turn<T>(instanceKey: string, callKey: string, read: () => Promise<T>, task: (facts: T) => Promise<Settled>): Promise<ApiReply>;
}

/**
 * A task's reply, known once the provider answered, and its writes, already sent: the turn ends in the
 * same round trip as the writes (they are applied first), and answers once they are saved.
 */
export interface Settled {
  reply: ApiReply;
  saved: Promise<unknown>;
}

/** A reply with nothing to save (a refusal). */
export const settled = (reply: ApiReply, saved: Promise<unknown> = Promise.resolve()): Settled => ({ reply, saved });

/** One process: a promise queue per instance, and a map of the calls in flight. */
export function createMemoryTurns() {
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
    async collapse(key: string, task: () => Promise<ApiReply>): Promise<ApiReply> {
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

export function createMemoryCoordination(): CallCoordination {
  const local = createMemoryTurns();
  return {
    turn: (instanceKey, callKey, read, task) =>
      local.collapse(callKey, () =>
        local.exclusive(instanceKey, async () => {
          const { reply, saved } = await task(await read());
          await saved;
          return reply;
        }),
      ),
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

/**
 * One round trip for the common case. KEYS: the call's flight, the instance's lock; ARGV: token, ms.
 * An identical call in flight elsewhere: {'wait', its holder}. Otherwise the flight is taken and so is
 * the lock when free: {'run', '1'}, or {'run', '0'} when another call of the instance holds it.
 */
const takeTurnScript = `
local holder = redis.call('GET', KEYS[1])
if holder then return {'wait', holder} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'run', '1'} end
return {'run', '0'}`;

/**
 * The turn's end, one script: the lock freed, the reply published (when ARGV[2] holds one) and the
 * flight ended, in that order, so a waiter sees the reply before the flight ends. Lock and flight are deleted
 * only while they still hold this holder's token: one expired and taken over by another stays. KEYS: lock, flight, reply; ARGV: token, reply or '', ms.
 */
const endTurnScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if ARGV[2] ~= '' then redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3]) end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1`;

const turnAnswerSchema = z.tuple([z.enum(['wait', 'run']), z.string()]);
const replySchema = z.object({ status: z.number().int(), body: z.unknown() });

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Over Redis: within one process, identical calls collapse and calls of an instance queue first (as in
 * memory), so only one per process asks Redis. Then one script takes the call's flight and the
 * instance's lock (`SET NX PX`, a random token, released by a compare-and-delete), and the task's reads
 * go out behind it on the same connection: Redis runs them after the lock is taken, so they hold when
 * it was. An identical call already in flight on another process is not run again: this one waits for
 * the reply that process publishes under its token for `replyMs`, and only calls that saw that flight
 * get it, never a later identical call.
 */
export function createRedisCoordination(state: RedisState, times: RedisCoordinationTimes = defaultCoordinationTimes): CallCoordination {
  const local = createMemoryTurns();
  const token = () => randomBytes(16).toString('base64url');

  async function takeLock(lock: string, mine: string, deadline: number): Promise<void> {
    while ((await state.run((redis) => redis.set(lock, mine, 'PX', times.lockMs, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for a lock');
      await sleep(times.pollMs);
    }
  }

  /** The reply of the identical call `holder` runs, or null once its flight ended without one. */
  async function replyOf(name: string, flight: string, holder: string, deadline: number): Promise<ApiReply | null> {
    const replyKey = state.key('reply', `${name}:${holder}`);
    for (;;) {
      const [reply, current] = await state.run((redis) => redis.mget(replyKey, flight));
      const parsed = typeof reply === 'string' ? replySchema.safeParse(parseJson(reply)) : null;
      if (parsed?.success) return parsed.data;
      if (current !== holder) return null;
      if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for an identical call');
      await sleep(times.pollMs);
    }
  }

  async function remoteTurn<T>(instanceKey: string, callKey: string, read: () => Promise<T>, task: (facts: T) => Promise<Settled>): Promise<ApiReply> {
    const name = hashedName(callKey);
    const flight = state.key('flight', name);
    const lock = state.key('lock', instanceKey);
    const mine = token();
    const deadline = Date.now() + times.waitMs;
    for (;;) {
      const answer = state.run((redis) => redis.eval(takeTurnScript, 2, flight, lock, mine, times.lockMs));
      // Same tick, same connection: Redis runs these reads right after the script.
      const early = read();
      early.catch(() => undefined);
      const parsed = turnAnswerSchema.safeParse(await answer);
      if (!parsed.success) throw new StateUnavailableError('unexpected turn answer');
      const [kind, detail] = parsed.data;
      if (kind === 'wait') {
        const reply = await replyOf(name, flight, detail, deadline);
        if (reply) return reply;
        // The flight ended without a reply (its process died, or Redis lost it): try to run it here.
        continue;
      }
      let outcome: Settled | undefined;
      try {
        const lockTaken = detail === '1';
        if (!lockTaken) await takeLock(lock, mine, deadline);
        outcome = await task(await (lockTaken ? early : read()));
        return outcome.reply;
      } finally {
        // In the round trip of the task's writes, after them on one connection: the turn's end.
        // Unpublished (the task threw), the waiting calls see the flight end without a reply and run
        // the call themselves.
        const reply = outcome?.reply;
        const published = reply === undefined ? '' : JSON.stringify(reply);
        const ended = state
          .run((redis) => redis.eval(endTurnScript, 3, lock, flight, state.key('reply', `${name}:${mine}`), mine, published, times.replyMs))
          .catch(() => undefined);
        if (!outcome) await ended;
        else await Promise.all([outcome.saved, ended]);
      }
    }
  }

  return {
    turn: (instanceKey, callKey, read, task) =>
      local.collapse(callKey, () => local.exclusive(instanceKey, () => remoteTurn(instanceKey, callKey, read, task))),
  };
}
