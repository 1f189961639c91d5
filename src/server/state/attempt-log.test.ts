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
      const log = createMemoryAttemptLog({ retentionMs: windowMs });
      return { a: log, b: log };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return { a: createRedisAttemptLog(redis.connect(prefix), 'sign-in', windowMs), b: createRedisAttemptLog(redis.connect(prefix), 'sign-in', windowMs) };
    },
  ],
];

describe.each(implementations)('the attempt log %s', (_name, make) => {
  it('counts the attempts of every process per key, oldest first, within the window asked for', async () => {
    const { a, b } = make();
    await a.addAttempt('203.0.113.7', 1_000);
    await b.addAttempt('203.0.113.7', 2_000);
    await a.addAttempt('198.51.100.1', 1_500);
    expect(await b.attemptsSince('203.0.113.7', 0)).toEqual([1_000, 2_000]);
    expect(await a.attemptsSince('203.0.113.7', 1_001)).toEqual([2_000]);
    expect(await a.attemptsSince('198.51.100.1', 0)).toEqual([1_500]);
    expect(await a.attemptsSince('192.0.2.1', 0)).toEqual([]);
  });

  it('loses no attempt when many processes add at once', async () => {
    const { a, b } = make();
    await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? a : b).addAttempt('k', 5_000 + index)));
    expect(await a.attemptsSince('k', 0)).toHaveLength(20);
  });
});

describe('the Redis attempt log', () => {
  it('keeps one hashed key per address under the prefix, for no longer than the window', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    await createRedisAttemptLog(state, 'sign-in', windowMs).addAttempt('203.0.113.7', Date.now());
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}sign-in:[A-Za-z0-9_-]{43}$`));
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(windowMs - 60_000);
    expect(ttl).toBeLessThanOrEqual(windowMs);
  });
});
