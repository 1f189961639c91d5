import { describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../state/redis-session-store';
import { redisPerFile } from '../state/state-under-test';
import { createSessionStore, type SessionLimits, type SessionStore } from './sessions';

const who = { subject: 'operator-1', instance: 'default', parentOrigin: 'https://portal.example' };
const limits: SessionLimits = { idleSeconds: 900, maxSeconds: 3600 };
const redis = redisPerFile();

/** Two handles on one store: over Redis, two proxy processes; in memory, the one process. */
const implementations: Array<[string, () => { a: SessionStore; b: SessionStore }]> = [
  [
    'in memory',
    () => {
      const store = createSessionStore(limits);
      return { a: store, b: store };
    },
  ],
  [
    'in Redis',
    () => {
      const prefix = redis.freshPrefix();
      return { a: createRedisSessionStore(redis.connect(prefix), limits), b: createRedisSessionStore(redis.connect(prefix), limits) };
    },
  ],
];

describe.each(implementations)('embed sessions %s', (_name, make) => {
  it('end after the idle time without use, and a use on any process restarts that time', async () => {
    const { a, b } = make();
    const { id } = await a.open(who, 0);
    expect(await b.touch(id, 899_000)).toMatchObject({ ok: true, session: who });
    expect(await a.touch(id, 1_798_000)).toMatchObject({ ok: true });
    expect(await b.touch(id, 1_798_000 + 900_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    // Once expired, it stays refused.
    expect((await a.touch(id, 1_798_000 + 900_002)).ok).toBe(false);
  });

  it('end at the absolute limit however often they are used', async () => {
    const { a, b } = make();
    const { id, expiresAt } = await a.open(who, 0);
    expect(expiresAt).toBe(3_600_000);
    for (let at = 600_000; at <= 3_600_000; at += 600_000) expect(await (at % 1_200_000 === 0 ? a : b).touch(id, at)).toMatchObject({ ok: true });
    expect(await b.touch(id, 3_600_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('know nothing of ids they did not issue, and give each session its own random id', async () => {
    const { a, b } = make();
    const first = (await a.open(who, 0)).id;
    const second = (await b.open(who, 0)).id;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await a.touch(`${first}x`, 0)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
    expect(await b.touch(first, 1)).toMatchObject({ ok: true, session: who });
  });
});

describe('in-memory embed sessions', () => {
  it('stay bounded in number, dropping the oldest', async () => {
    const sessions = createSessionStore({ ...limits, maxSessions: 2 });
    const oldest = (await sessions.open(who, 0)).id;
    await sessions.open(who, 1);
    await sessions.open(who, 2);
    expect(sessions.size()).toBe(2);
    expect(await sessions.touch(oldest, 3)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });
});

describe('embed sessions in Redis', () => {
  it('are stored under a hash of the id, never the id, and live no longer than their absolute limit', async () => {
    const prefix = redis.freshPrefix();
    const state = redis.connect(prefix);
    const now = Date.now();
    const { id } = await createRedisSessionStore(state, limits).open(who, now);
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}session:[A-Za-z0-9_-]{43}$`));
    expect(keys[0]).not.toContain(id);
    expect(await state.run((client) => client.get(keys[0] ?? ''))).not.toContain(id);
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(3_600_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000 + 60_000);
  });
});
