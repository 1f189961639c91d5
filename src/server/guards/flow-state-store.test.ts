import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRedisFlowStateStore, JOURNEY_TTL_MS } from '../state/redis-flow-state-store';
import { redisPerFile } from '../testing/redis-fixture';
import type { FlowRecord } from '../../flow/journey-record';
import { createMemoryFlowStateStore, type FlowStateStore } from './flow-state-store';
import { HOUR_MS } from '../../flow/limits';
import type { ApiReply } from '../../gateway/api-call';
import type { RedisState } from '../state/redis-state';

const ok = (body: string): ApiReply => ({ status: 200, body });
const nothing = () => Promise.resolve(null);

const record: FlowRecord = {
  number: '55:11987654321',
  step: 'available',
  deadlines: { sms: 0, voice: null, wa_old: 5 },
  resendAt: 0,
  sentMethod: null,
  captchaMethod: null,
  codeIssuedAt: null,
  wrongCodes: 0,
  wrongPins: 0,
  captchaAnswers: 0,
  parked: {},
  checked: {},
};

const redis = redisPerFile();

/** A provider call that takes `ms` and answers how many runs there were by then; `runs()` counts them. */
function countedCalls(ms: number) {
  let runs = 0;
  return {
    task: async (): Promise<ApiReply> => {
      runs += 1;
      await sleep(ms);
      return { status: 200, body: { run: runs } };
    },
    runs: () => runs,
  };
}

/** Two handles on one store: two proxy processes over Redis; in memory, one process has just the one. */
interface Pair {
  a: FlowStateStore;
  b: FlowStateStore;
}

const implementations: Array<[string, () => Pair]> = [
  [
    'in memory',
    () => {
      const store = createMemoryFlowStateStore();
      return { a: store, b: store };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return { a: createRedisFlowStateStore(redis.connect(prefix)), b: createRedisFlowStateStore(redis.connect(prefix)) };
    },
  ],
];

describe.each(implementations)('the flow-state store %s', (_name, make) => {
  it('keeps one record per instance key, seen by every process', async () => {
    const { a, b } = make();
    await a.write('a', record);
    expect(await b.read('a')).toEqual(record);
    expect(await b.read('b')).toBeUndefined();
    await b.write('a', { ...record, wrongCodes: 2 });
    expect(await a.read('a')).toMatchObject({ wrongCodes: 2 });
  });

  it('returns the attempts inside the window, oldest first', async () => {
    const { a, b } = make();
    for (const at of [300, 100, 200]) await a.addAttempt('k', at);
    expect(await b.attemptsSince('k', 150)).toEqual([200, 300]);
    expect(await b.attemptsSince('k', 1_000)).toEqual([]);
    expect(await b.attemptsSince('other', 0)).toEqual([]);
  });

  it('counts two attempts in the same millisecond twice', async () => {
    const { a, b } = make();
    await Promise.all([a.addAttempt('k', 500), b.addAttempt('k', 500)]);
    expect(await a.attemptsSince('k', 0)).toEqual([500, 500]);
  });

  it('runs the calls of one instance one at a time, its reads made once the turn is taken, so read-then-write counts exactly', async () => {
    const { a, b } = make();
    await a.write('i', record);
    let running = 0;
    let most = 0;
    const bump = (store: FlowStateStore, call: number) =>
      store.turn(
        'i',
        `bump-${String(call)}`,
        () => store.read('i'),
        async (current) => {
          running += 1;
          most = Math.max(most, running);
          await sleep(2);
          running -= 1;
          // Sent, not awaited: the turn answers once its write is sent, and the next turn's reads see it.
          void store.write('i', { ...record, wrongCodes: (current?.wrongCodes ?? 0) + 1 });
          return ok('bumped');
        },
      );
    await Promise.all(Array.from({ length: 12 }, (_, index) => bump(index % 2 === 0 ? a : b, index)));
    expect(most).toBe(1);
    // Read in a turn, on either process: it comes after every turn answered before it.
    expect(await b.turn('i', 'look', nothing, async () => ok(String((await b.read('i'))?.wrongCodes)))).toEqual(ok('12'));
  });

  it('lets other instances run while one is busy, and frees the turn when a task fails', async () => {
    const { a, b } = make();
    let release: () => void = () => undefined;
    const held = a.turn('busy', 'hold', nothing, () => new Promise<ApiReply>((resolve) => (release = () => resolve(ok('held')))));
    await sleep(20);
    expect(await b.turn('other', 'other', nothing, () => Promise.resolve(ok('ran')))).toEqual(ok('ran'));
    release();
    expect(await held).toEqual(ok('held'));
    await expect(a.turn('busy', 'boom', nothing, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.turn('busy', 'after', nothing, () => Promise.resolve(ok('after')))).toEqual(ok('after'));
  });

  it('collapses identical calls in flight into one, and runs a later identical call again', async () => {
    const { a, b } = make();
    const { task, runs } = countedCalls(60);
    const replies = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? a : b).turn('i', 'same', nothing, task)));
    expect(runs()).toBe(1);
    expect(replies).toEqual(Array.from({ length: 6 }, () => ({ status: 200, body: { run: 1 } })));
    expect(await b.turn('i', 'same', nothing, task)).toEqual({ status: 200, body: { run: 2 } });
    expect(await a.turn('i', 'different', nothing, task)).toEqual({ status: 200, body: { run: 3 } });
  });
});

describe('the in-memory flow-state store', () => {
  it('forgets attempts older than the window asked for', async () => {
    const store = createMemoryFlowStateStore();
    for (const at of [100, 200, 300]) await store.addAttempt('k', at);
    expect(await store.attemptsSince('k', 150)).toEqual([200, 300]);
    expect(await store.attemptsSince('k', 0)).toEqual([200, 300]);
  });
});

describe('the Redis flow-state store', () => {
  it('gives every key the prefix and a TTL, and leaves no lock or flight behind', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    const store = createRedisFlowStateStore(state);
    await store.turn('alias-1', 'call', nothing, async () => {
      await store.write('alias-1', record);
      return ok('written');
    });
    await store.addAttempt('alias-1\u0000wrong-code\u000055:11987654321', Date.now());
    const keys = (await state.run((client) => client.keys('*'))).filter((key) => key.startsWith(prefix)).sort();
    expect(keys.map((key) => key.slice(prefix.length).split(':')[0])).toEqual(['attempts', 'journey', 'reply']);
    // The number is not in any key name.
    expect(keys.join(' ')).not.toContain('11987654321');
    const ttl = async (kind: string) => state.run((client) => client.pttl(keys.find((key) => key.startsWith(`${prefix}${kind}:`)) ?? ''));
    expect(await ttl('journey')).toBeGreaterThan(JOURNEY_TTL_MS - 60_000);
    expect(await ttl('journey')).toBeLessThanOrEqual(JOURNEY_TTL_MS);
    expect(await ttl('attempts')).toBeGreaterThan(HOUR_MS - 60_000);
    expect(await ttl('attempts')).toBeLessThanOrEqual(HOUR_MS);
    expect(await ttl('reply')).toBeGreaterThan(0);
    expect(await ttl('reply')).toBeLessThanOrEqual(5_000);
  });

  it('drops attempts older than an hour when a new one is added', async () => {
    const store = createRedisFlowStateStore(redis.connect(redis.freshPrefix()));
    await store.addAttempt('k', 1_000);
    await store.addAttempt('k', 1_000 + HOUR_MS + 1);
    expect(await store.attemptsSince('k', 0)).toEqual([1_000 + HOUR_MS + 1]);
  });

  it('runs again an identical call made after the answer left, though the turn has not ended in Redis yet', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    // Process a's writes and the end of its turn reach Redis 100 ms after its answer, as over a slow link.
    const slow: RedisState = { ...state, run: (work) => sleep(100).then(() => state.run(work)) };
    const a = createRedisFlowStateStore(slow);
    const b = createRedisFlowStateStore(redis.connect(prefix));
    await Promise.all([a.read('warm'), b.read('warm')]);
    // The provider takes 300 ms: the second call is made well before the first's answer leaves.
    const { task, runs } = countedCalls(300);
    const first = a.turn('i', 'same', nothing, task);
    await sleep(10);
    // Made while the first is in flight: it shares its reply.
    const alongside = b.turn('i', 'same', nothing, task);
    expect(await first).toEqual({ status: 200, body: { run: 1 } });
    const flightHeld = await state.run((client) => client.keys(`${prefix}flight:*`));
    // Made once the first answered, on the process already waiting for that answer, and on another.
    const afterOnB = b.turn('i', 'same', nothing, task);
    const afterOnC = createRedisFlowStateStore(redis.connect(prefix)).turn('i', 'same', nothing, task);
    expect(flightHeld).toHaveLength(1);
    expect(await alongside).toEqual({ status: 200, body: { run: 1 } });
    // Both ran after the first's turn ended, one for both or one each, never with the first's answer.
    const later = await Promise.all([afterOnB, afterOnC]);
    expect(later.map((reply) => reply.body)).not.toContainEqual({ run: 1 });
    expect(runs()).toBeGreaterThanOrEqual(2);
  });

  it('takes over the lock of a process that died holding it once the lock expires', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    const store = createRedisFlowStateStore(state, { lockMs: 300, waitMs: 5_000, replyMs: 5_000, pollMs: 10 });
    await state.run((client) => client.set(state.key('lock', 'orphan'), 'dead-process', 'PX', 300));
    const started = Date.now();
    expect(await store.turn('orphan', 'call', nothing, () => Promise.resolve(ok('ran')))).toEqual(ok('ran'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('answers a waiting identical call on another process even when the first one failed to publish', async () => {
    const prefix = redis.freshPrefix();
    const a = createRedisFlowStateStore(redis.connect(prefix));
    const b = createRedisFlowStateStore(redis.connect(prefix));
    // Both connected first, so the first call really is first.
    await Promise.all([a.read('warm'), b.read('warm')]);
    let runs = 0;
    const failing = async () => {
      runs += 1;
      await sleep(40);
      throw new Error('provider call broke');
    };
    const first = a.turn('i', 'x', nothing, failing);
    await sleep(10);
    const second = b.turn('i', 'x', nothing, () => Promise.resolve({ status: 200, body: { ran: 'second' } }));
    await expect(first).rejects.toThrow('provider call broke');
    // The flight ended without a reply: the waiting call ran itself instead of hanging.
    expect(await second).toEqual({ status: 200, body: { ran: 'second' } });
    expect(runs).toBe(1);
  });
});
