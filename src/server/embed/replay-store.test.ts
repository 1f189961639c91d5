import { describe, expect, it } from 'vitest';
import { createRedisReplayStore } from '../state/redis-replay-store';
import { redisPerFile } from '../state/state-under-test';
import { createReplayStore, type ReplayStore } from './token';

const redis = redisPerFile();
const nowMs = Date.now();
const nowSeconds = Math.floor(nowMs / 1000);

const implementations: Array<[string, () => { a: ReplayStore; b: ReplayStore }]> = [
  [
    'in memory',
    () => {
      const store = createReplayStore();
      return { a: store, b: store };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return { a: createRedisReplayStore(redis.connect(prefix)), b: createRedisReplayStore(redis.connect(prefix)) };
    },
  ],
];

describe.each(implementations)('the single-use jti store %s', (_name, make) => {
  it('lets each jti through once, whichever process sees it again', async () => {
    const { a, b } = make();
    expect(await a.use('jti-1', nowSeconds + 60, nowMs)).toBe(true);
    expect(await b.use('jti-1', nowSeconds + 60, nowMs + 1000)).toBe(false);
    expect(await a.use('jti-1', nowSeconds + 60, nowMs + 2000)).toBe(false);
    expect(await b.use('jti-2', nowSeconds + 60, nowMs)).toBe(true);
  });

  it('lets exactly one of many simultaneous uses through', async () => {
    const { a, b } = make();
    const uses = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? a : b).use('raced-jti', nowSeconds + 60, nowMs)));
    expect(uses.filter(Boolean)).toHaveLength(1);
  });
});

describe('the in-memory jti store', () => {
  it('forgets a jti only after its token expired', async () => {
    const replays = createReplayStore();
    expect(await replays.use('jti-1', nowSeconds + 60, nowMs)).toBe(true);
    expect(await replays.use('jti-1', nowSeconds + 60, nowMs + 60_000)).toBe(false);
    expect(await replays.use('jti-1', nowSeconds + 60, nowMs + 120_000)).toBe(true);
  });

  it('refuses new tokens when full rather than forgetting live ones', async () => {
    const replays = createReplayStore(2);
    expect(await replays.use('a-jti-0001', nowSeconds + 60, nowMs)).toBe(true);
    expect(await replays.use('b-jti-0001', nowSeconds + 60, nowMs)).toBe(true);
    expect(await replays.use('c-jti-0001', nowSeconds + 60, nowMs)).toBe(false);
    expect(await replays.use('a-jti-0001', nowSeconds + 60, nowMs)).toBe(false);
  });
});

describe('the Redis jti store', () => {
  it('keeps a hashed jti only until its token expires (plus the clock tolerance)', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    await createRedisReplayStore(state).use('jti-visible-in-key?', nowSeconds + 60, nowMs);
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}jti:[A-Za-z0-9_-]{43}$`));
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(65_000 + 1_000);
  });
});
