import { timelineEventSchema, type TimelineEvent } from '../../contract/timeline';
import { MAX_EVENTS_PER_INSTANCE, type TimelineStore } from '../timeline/timeline-store';
import { parseJson } from './call-coordination';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

/**
 * A list per instance under `timeline:<hash of the instance>`, newest first: each append pushes,
 * trims to MAX_EVENTS_PER_INSTANCE and renews the TTL to the retention, in one transaction.
 * An entry that does not parse is left out.
 */
export function createRedisTimelineStore(state: RedisState, retentionMs: number): TimelineStore {
  const key = (instance: string) => state.key('timeline', hashedName(instance));
  return {
    append: (instance, event) =>
      state.run(async (redis) => {
        const name = key(instance);
        const results = await redis
          .multi()
          .lpush(name, JSON.stringify(event))
          .ltrim(name, 0, MAX_EVENTS_PER_INSTANCE - 1)
          .pexpire(name, retentionMs)
          .exec();
        const failed = results?.find(([error]) => error !== null);
        if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
      }),
    list: (instance, now) =>
      state.run(async (redis) => {
        const texts = await redis.lrange(key(instance), 0, -1);
        const events: TimelineEvent[] = [];
        for (const text of texts) {
          const parsed = timelineEventSchema.safeParse(parseJson(text));
          if (parsed.success && parsed.data.at > now - retentionMs) events.push(parsed.data);
        }
        return events;
      }),
  };
}
