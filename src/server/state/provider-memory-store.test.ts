import { describe, expect, it } from 'vitest';
import { createMemoryProviderMemoryStore, createRedisProviderMemoryStore, type ProviderMemoryStore } from './provider-memory-store';
import { JOURNEY_TTL_MS } from './redis-flow-state-store';
import { testEncryptionKey, redisPerFile } from './state-under-test';

const redis = redisPerFile();
const appealToken = 'APPEAL_TOKEN_CANARY_9f1c';

const implementations: Array<[string, () => { a: ProviderMemoryStore; b: ProviderMemoryStore }]> = [
  [
    'in memory',
    () => {
      const store = createMemoryProviderMemoryStore();
      return { a: store, b: store };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return {
        a: createRedisProviderMemoryStore(redis.connect(prefix), testEncryptionKey),
        b: createRedisProviderMemoryStore(redis.connect(prefix), testEncryptionKey),
      };
    },
  ],
];

describe.each(implementations)('the provider memory store %s', (_name, make) => {
  it('is empty for an instance never written, and keeps each instance apart', async () => {
    const { a, b } = make();
    expect(await a.read('one')).toEqual({});
    await a.write('one', { appealToken });
    expect(await b.read('one')).toEqual({ appealToken });
    expect(await b.read('two')).toEqual({});
  });

  it('hands out copies: changing what was read changes nothing stored', async () => {
    const { a, b } = make();
    await a.write('one', { appealToken });
    const read = await a.read('one');
    read.appealToken = 'changed';
    expect(await b.read('one')).toEqual({ appealToken });
  });
});

describe('the Redis provider memory store', () => {
  it('keeps the appeal token encrypted, under the prefix, with the journey’s TTL', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    await createRedisProviderMemoryStore(state, testEncryptionKey).write('alias-1', { appealToken });
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toEqual([`${prefix}provider:alias-1`]);
    const stored = await state.run((client) => client.get(keys[0] ?? ''));
    expect(stored).not.toContain(appealToken);
    expect(Buffer.from(stored ?? '', 'base64url').toString('latin1')).not.toContain(appealToken);
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(JOURNEY_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(JOURNEY_TTL_MS);
  });

  it('reads nothing from a value altered, moved to another instance, or sealed with another key', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    const store = createRedisProviderMemoryStore(state, testEncryptionKey);
    await store.write('alias-1', { appealToken });
    const sealed = (await state.run((client) => client.get(`${prefix}provider:alias-1`))) ?? '';
    expect(await createRedisProviderMemoryStore(state, Buffer.alloc(32, 9)).read('alias-1')).toEqual({});
    await state.run((client) => client.set(`${prefix}provider:alias-2`, sealed));
    expect(await store.read('alias-2')).toEqual({});
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    await state.run((client) => client.set(`${prefix}provider:alias-1`, flipped.toString('base64url')));
    expect(await store.read('alias-1')).toEqual({});
  });
});
