import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../contract/timeline';
import { createMemoryHandoffStore, HANDOFF_AFTERLIFE_MS, type HandoffRecord, type HandoffStore } from '../handoff/handoff-store';
import { createMemoryTimelineStore, DAY_MS, MAX_EVENTS_PER_INSTANCE, type TimelineStore } from '../timeline/timeline-store';
import { hashedName } from './hashed-name';
import { createRedisHandoffStore } from './redis-handoff-store';
import { createRedisTimelineStore } from './redis-timeline-store';
import { redisPerFile } from '../testing/redis-fixture';

/** One contract for both hand-off stores and both timeline stores: in memory, and in a real redis-server. */
const redis = redisPerFile();
const T0 = Date.UTC(2026, 5, 1, 12);
const RETENTION = 30 * DAY_MS;

const link = (overrides: Partial<HandoffRecord> = {}): HandoffRecord => ({
  instance: 'default',
  step: 'code',
  number: '55:11987654321',
  createdAt: T0,
  expiresAt: T0 + 15 * 60_000,
  status: 'live',
  opened: false,
  ...overrides,
});

const event = (at: number, kind: TimelineEvent['kind'] = 'availability'): TimelineEvent => ({
  at,
  kind,
  number: '+55 *********21',
  step: 'available',
  outcome: 'available',
  code: null,
  method: null,
  by: 'operator',
});

const handoffStores: Array<[string, () => { a: HandoffStore; b: HandoffStore; prefix: string | null }]> = [
  ['in memory', () => {
    const store = createMemoryHandoffStore();
    return { a: store, b: store, prefix: null };
  }],
  ['in Redis', () => {
    const prefix = redis.freshPrefix();
    return { a: createRedisHandoffStore(redis.connect(prefix)), b: createRedisHandoffStore(redis.connect(prefix)), prefix };
  }],
];

const redisHandoffs = () => {
  const prefix = redis.freshPrefix();
  return { a: createRedisHandoffStore(redis.connect(prefix)), prefix };
};

describe.each(handoffStores)('the hand-off store %s', (_name, make) => {
  it('finds a link by its digest from another process, and nothing by any other', async () => {
    const { a, b } = make();
    const token = 'k3n9QbX2Lr0aVd8TyP1sWw';
    await a.save(hashedName(token), link());
    expect(await b.find(hashedName(token))).toEqual(link());
    expect(await b.find(hashedName('AAAAAAAAAAAAAAAAAAAAAA'))).toBeUndefined();
    await a.save(hashedName(token), link({ status: 'used', opened: true }));
    expect(await b.find(hashedName(token))).toMatchObject({ status: 'used', opened: true });
  });

  it('names one live link per instance, and forgets it when told', async () => {
    const { a, b } = make();
    await a.setLive('default', 'digest-one', 15 * 60_000);
    await a.setLive('default', 'digest-two', 15 * 60_000);
    await a.setLive('other', 'digest-three', 15 * 60_000);
    expect(await b.live('default')).toBe('digest-two');
    await b.setLive('default', null, 0);
    expect(await a.live('default')).toBeUndefined();
    expect(await a.live('other')).toBe('digest-three');
  });
});

describe('the hand-off store in Redis', () => {
  it('keeps keys under the prefix, hashed, with a TTL of the lifetime and a day', async () => {
    const { a, prefix } = redisHandoffs();
    const token = 'Zq7Rm2Vx9Lp4Nc1Bt6Hs0g';
    await a.save(hashedName(token), link());
    await a.setLive('default', hashedName(token), 15 * 60_000);
    const state = redis.connect(prefix);
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys.sort()).toEqual([`${prefix}handoff-live:${hashedName('default')}`, `${prefix}handoff:${hashedName(token)}`].sort());
    for (const key of keys) {
      expect(key).not.toContain(token);
      expect(await state.run((client) => client.get(key))).not.toContain(token);
    }
    const ttl = await state.run((client) => client.pttl(`${prefix}handoff:${hashedName(token)}`));
    expect(ttl).toBeGreaterThan(15 * 60_000 + HANDOFF_AFTERLIFE_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000 + HANDOFF_AFTERLIFE_MS);
    expect(await state.run((client) => client.pttl(`${prefix}handoff-live:${hashedName('default')}`))).toBeLessThanOrEqual(15 * 60_000);
  });
});

const timelineStores: Array<[string, () => { a: TimelineStore; b: TimelineStore; prefix: string | null }]> = [
  ['in memory', () => {
    const store = createMemoryTimelineStore(RETENTION);
    return { a: store, b: store, prefix: null };
  }],
  ['in Redis', () => {
    const prefix = redis.freshPrefix();
    return { a: createRedisTimelineStore(redis.connect(prefix), RETENTION), b: createRedisTimelineStore(redis.connect(prefix), RETENTION), prefix };
  }],
];

const redisTimelines = () => {
  const prefix = redis.freshPrefix();
  return { a: createRedisTimelineStore(redis.connect(prefix), RETENTION), prefix };
};

describe.each(timelineStores)('the timeline store %s', (_name, make) => {
  it('reads back every event newest first, each instance apart', async () => {
    const { a, b } = make();
    await a.append('default', event(T0, 'availability'));
    await a.append('default', event(T0 + 1, 'code-request'));
    await a.append('other', event(T0 + 2, 'qr-code'));
    expect((await b.list('default', T0 + 10)).map((entry) => entry.kind)).toEqual(['code-request', 'availability']);
    expect((await b.list('other', T0 + 10)).map((entry) => entry.kind)).toEqual(['qr-code']);
    expect(await b.list('none', T0)).toEqual([]);
  });

  it('keeps at most the bound per instance, the newest', async () => {
    const { a, b } = make();
    for (let index = 0; index < MAX_EVENTS_PER_INSTANCE + 20; index += 1) await a.append('default', event(T0 + index));
    const kept = await b.list('default', T0 + 1_000);
    expect(kept).toHaveLength(MAX_EVENTS_PER_INSTANCE);
    expect(kept[0]?.at).toBe(T0 + MAX_EVENTS_PER_INSTANCE + 19);
    expect(kept[kept.length - 1]?.at).toBe(T0 + 20);
  });

  it('forgets events older than the retention (TIMELINE_DAYS)', async () => {
    const { a, b } = make();
    await a.append('default', event(T0));
    await a.append('default', event(T0 + 10 * DAY_MS));
    expect(await b.list('default', T0 + RETENTION + 1)).toHaveLength(1);
    expect(await b.list('default', T0 + 10 * DAY_MS + RETENTION + 1)).toHaveLength(0);
  });
});

describe('the timeline store in Redis', () => {
  it('keeps one list under the prefix with the retention as its TTL', async () => {
    const { a, prefix } = redisTimelines();
    await a.append('default', event(T0));
    const state = redis.connect(prefix);
    const keys = await state.run((client) => client.keys(`${prefix}*`));
    expect(keys).toEqual([`${prefix}timeline:${hashedName('default')}`]);
    const ttl = await state.run((client) => client.pttl(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(RETENTION - 5_000);
    expect(ttl).toBeLessThanOrEqual(RETENTION);
  });
});
