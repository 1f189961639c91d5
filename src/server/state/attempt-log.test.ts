import { describe, expect, it } from 'vitest';
import { createMemoryAttemptLog, createRedisAttemptLog, type AttemptLog } from './attempt-log';
import { redisPerFile } from './state-under-test';

const redis = redisPerFile();
const windowMs = 15 * 60 * 1000;

/** The store of failed sign-ins (and of the journeys' hourly attempts): times per key. */
const implementations: Array<[string, () => { a: AttemptLog; b: AttemptLog }]> = [
  [
    'in memory',
    () => {
      const log = createMemoryAttemptLog();
      return { a: log, b: log };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return { a: createRedisAttemptLog(redis.connect(prefix), 'sign-in'), b: createRedisAttemptLog(redis.connect(prefix), 'sign-in') };
    },
  ],
];

describe.each(implementations)('the attempt log %s', (_name, make) => {
  it('counts the attempts of every process per key, oldest first, within the window asked for', async () => {
    const { a, b } = make();
    await a.add('203.0.113.7', 1_000, windowMs);
    await b.add('203.0.113.7', 2_000, windowMs);
    await a.add('198.51.100.1', 1_500, windowMs);
    expect(await b.since('203.0.113.7', 0)).toEqual([1_000, 2_000]);
    expect(await a.since('203.0.113.7', 1_001)).toEqual([2_000]);
    expect(await a.since('198.51.100.1', 0)).toEqual([1_500]);
    expect(await a.since('192.0.2.1', 0)).toEqual([]);
  });

  it('loses no attempt when many processes add at once', async () => {
    const { a, b } = make();
    await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? a : b).add('k', 5_000 + index, windowMs)));
    expect(await a.since('k', 0)).toHaveLength(20);
  });
});

describe('the Redis attempt log', () => {
  it('keeps one hashed key per address under the prefix, for no longer than the window', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    await createRedisAttemptLog(state, 'sign-in').add('203.0.113.7', Date.now(), windowMs);
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}sign-in:[A-Za-z0-9_-]{43}$`));
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(windowMs - 60_000);
    expect(ttl).toBeLessThanOrEqual(windowMs);
  });
});
