import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
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
   * The task issues its writes before it returns its reply; the reply does not wait for them to be
   * acknowledged (see `createRedisCoordination` for why the next turn still reads them).
   */
  turn<T>(instanceKey: string, callKey: string, read: () => Promise<T>, task: (facts: T) => Promise<ApiReply>): Promise<ApiReply>;
}

/** One process: a promise queue per instance, and a map of the calls in flight, sharing `R`. */
export function createMemoryTurns<R>() {
  const queues = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, Promise<R>>();
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
    async collapse(key: string, task: () => Promise<R>): Promise<R> {
      const pending = inFlight.get(key);
      if (pending) return pending;
      const call = task();
      inFlight.set(key, call);
      try {
        return await call;
      } finally {
        if (inFlight.get(key) === call) inFlight.delete(key);
      }
    },
  };
}

export function createMemoryCoordination(): CallCoordination {
  const local = createMemoryTurns<ApiReply>();
  return {
    turn: (instanceKey, callKey, read, task) =>
      local.collapse(callKey, () =>
        local.exclusive(instanceKey, async () => task(await read())),
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
  /** Longest pause between two looks at a lock held by another process (the first is 1 ms). */
  pollMs: number;
}

export const defaultCoordinationTimes: RedisCoordinationTimes = { lockMs: 60_000, waitMs: 60_000, replyMs: 5_000, pollMs: 15 };

/**
 * One round trip for the common case. KEYS: the call's flight, the instance's lock; ARGV: token, ms.
 * An identical call in flight elsewhere: {'wait', its holder, now}. Otherwise the flight is taken and so
 * is the lock when free: {'run', '1', now}, or {'run', '0', now} when another call of the instance holds
 * it. `now` is Redis's clock in microseconds when the script ran (read last: no write may follow it).
 */
const takeTurnScript = `
local holder = redis.call('GET', KEYS[1])
local answer
if holder then answer = {'wait', holder}
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  answer = {'run', redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) and '1' or '0'}
end
local now = redis.call('TIME')
answer[3] = now[1] * 1000000 + now[2]
return answer`;

/**
 * The turn's end: the reply published (when ARGV[2] holds one), then the flight ended, so a waiter sees
 * the reply before the flight ends; then the lock freed. Each is deleted only while it still holds this
 * holder's token (one expired and taken over stays). KEYS: flight, reply, lock; ARGV: token, reply or '', ms.
 */
const endTurnScript = `
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
return 1`;

const turnAnswerSchema = z.tuple([z.enum(['wait', 'run']), z.string(), z.number()]);
/** A published reply; `from`: Redis's clock (µs) before which its answer cannot have left (see remoteTurn). */
const publishedSchema = z.object({ status: z.number().int(), body: z.unknown(), from: z.number() });

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
 *
 * The reply does not wait for Redis. The task's writes, then the turn's end (the reply published, the
 * flight ended, the lock freed) leave after it, on one connection, and Redis applies a connection's
 * commands in order: every later call, on any process, reads only once it holds that lock, so it reads
 * them. An identical call that reaches Redis after the reply left, but before the flight's end, is told
 * apart by Redis's clock: the published reply carries the earliest moment it can have left, and only a
 * call that Redis saw before that moment gets it; a later one runs again (docs/decisions/130). The calls
 * of this process that share a waiting call are judged one by one, by when each was made.
 */
export function createRedisCoordination(state: RedisState, times: RedisCoordinationTimes = defaultCoordinationTimes): CallCoordination {
  const local = createMemoryTurns<Outcome>();
  // Unique, not secret (it only tells this turn's lock and flight from another's): drawn from Node's
  // pooled entropy, without a system call per turn.
  const token = () => randomUUID();

  /**
   * A pause before looking again at a held lock or a flight: 1 ms, then twice as long each time up to
   * `pollMs`. The turn looked at is often ending already (its reply went out before its end reached Redis).
   */
  function backoff(): () => Promise<void> {
    let pause = 1;
    return async () => {
      await sleep(pause);
      pause = Math.min(pause * 2, times.pollMs);
    };
  }

  async function takeLock(lock: string, mine: string, deadline: number): Promise<void> {
    const pause = backoff();
    while ((await state.run((redis) => redis.set(lock, mine, 'PX', times.lockMs, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for a lock');
      await pause();
    }
  }

  /** The reply the identical call `holder` runs publishes, or null once its flight ended without one. */
  async function replyOf(name: string, flight: string, holder: string, deadline: number): Promise<{ reply: ApiReply; from: number } | null> {
    const replyKey = state.key('reply', `${name}:${holder}`);
    const pause = backoff();
    for (;;) {
      const [reply, current] = await state.run((redis) => redis.mget(replyKey, flight));
      const parsed = typeof reply === 'string' ? publishedSchema.safeParse(parseJson(reply)) : null;
      if (parsed?.success) return { reply: { status: parsed.data.status, body: parsed.data.body }, from: parsed.data.from };
      if (current !== holder) return null;
      if (Date.now() > deadline) throw new StateUnavailableError('timed out waiting for an identical call');
      await pause();
    }
  }

  /**
   * The end of this process's last turn per instance, while Redis has not acknowledged it: it leaves
   * after that turn's answer, on the other connection, so the next turn here waits for it rather than
   * find the lock still held or its own flight still in the air.
   */
  const ending = new Map<string, Promise<unknown>>();

  async function remoteTurn<T>(instanceKey: string, callKey: string, read: () => Promise<T>, task: (facts: T) => Promise<ApiReply>): Promise<Outcome> {
    await ending.get(instanceKey);
    const name = hashedName(callKey);
    const flight = state.key('flight', name);
    const lock = state.key('lock', instanceKey);
    const mine = token();
    const deadline = Date.now() + times.waitMs;
    for (;;) {
      const sentAt = performance.now();
      const answer = state.runAtOnce((redis) => redis.eval(takeTurnScript, 2, flight, lock, mine, times.lockMs));
      // Same connection, right behind it: Redis runs these reads after the script.
      const early = read();
      early.catch(() => undefined);
      const parsed = turnAnswerSchema.safeParse(await answer);
      const answeredAt = performance.now();
      if (!parsed.success) throw new StateUnavailableError('unexpected turn answer');
      const [kind, detail, turnAt] = parsed.data;
      if (kind === 'wait') {
        const published = await replyOf(name, flight, detail, deadline);
        // Whose it is, is judged per call (see `turn`). The flight ended without a reply (its process
        // died, or Redis lost it): run it here.
        if (published) return { reply: published.reply, shared: { from: published.from, turnAt, sentAt } };
        continue;
      }
      let reply: ApiReply | undefined;
      try {
        const lockTaken = detail === '1';
        if (!lockTaken) await takeLock(lock, mine, deadline);
        reply = await task(await (lockTaken ? early : read()));
        return { reply };
      } finally {
        // The reply has not left yet: in Redis's clock that is no earlier than the turn's script plus the
        // time since its answer arrived (the script ran before that), less RATE_MARGIN for two clocks
        // that tick at different rates. Unpublished (the task threw), the waiting calls see the flight
        // end and run it themselves.
        const from = Math.floor(turnAt + (performance.now() - answeredAt) * 1000 * (1 - RATE_MARGIN));
        const published = reply === undefined ? '' : JSON.stringify({ ...reply, from });
        // Behind the task's writes, on their connection: whoever takes the lock next reads them.
        const ended = state
          .run((redis) => redis.eval(endTurnScript, 3, flight, state.key('reply', `${name}:${mine}`), lock, mine, published, times.replyMs))
          .catch(() => undefined);
        ending.set(instanceKey, ended);
        void ended.then(() => {
          if (ending.get(instanceKey) === ended) ending.delete(instanceKey);
        });
        // A failed task answers once its turn is free, so a retry at once does not find it held.
        if (reply === undefined) await ended;
      }
    }
  }

  const turn: CallCoordination['turn'] = async (instanceKey, callKey, read, task) => {
    const madeAt = performance.now();
    const { reply, shared } = await local.collapse(callKey, () => local.exclusive(instanceKey, () => remoteTurn(instanceKey, callKey, read, task)));
    // Another process's reply, taken for every call here that joined this one: each keeps it only if it
    // reached Redis before that reply can have left. One that may have come after it runs again.
    if (shared && seenBy(madeAt, shared) >= shared.from) return turn(instanceKey, callKey, read, task);
    return reply;
  };
  return { turn };
}

/** A turn's reply, with how another process's reply was taken when it was one (see `seenBy`). */
interface Outcome {
  reply: ApiReply;
  shared?: { from: number; turnAt: number; sentAt: number };
}

/**
 * The latest moment, in Redis's clock, a call made here at `madeAt` (the process's monotonic clock) can
 * have reached Redis, bounded with a turn's script that ran at `turnAt` after being sent at `sentAt`:
 * the script's time plus the time from sending it to `madeAt`, plus RATE_MARGIN.
 */
function seenBy(madeAt: number, { turnAt, sentAt }: { turnAt: number; sentAt: number }): number {
  return Math.ceil(turnAt + Math.max(0, madeAt - sentAt) * 1000 * (1 + RATE_MARGIN));
}

/**
 * How much faster or slower Redis's clock may run than a process's over one call. On one host both follow
 * the same clock; across hosts NTP slews a clock by at most 0.05 % (ntpd), chrony by at most 8.3 % by
 * default (while it corrects a large offset). The margin costs little: an identical call made in the
 * last tenth of the provider's time before the answer runs again instead of sharing it.
 */
const RATE_MARGIN = 0.1;
