import { timelineEventSchema, type TimelineEvent } from '../../contract/timeline';
import { MAX_EVENTS_PER_INSTANCE, type TimelineStore } from '../timeline/timeline-store';
import { parseJson } from './call-coordination';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

/** Push, trim and renew the TTL in one step. KEYS[1] the list; ARGV: the event, the last index kept, ms. */
const appendScript = "redis.call('LPUSH', KEYS[1], ARGV[1]) redis.call('LTRIM', KEYS[1], 0, ARGV[2]) redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 1";

/**
 * A list per instance under `timeline:<hash of the instance>`, newest first: each append pushes,
 * trims to MAX_EVENTS_PER_INSTANCE and renews the TTL to the retention, in one script.
 * An entry that does not parse is left out.
 */
export function createRedisTimelineStore(state: RedisState, retentionMs: number): TimelineStore {
  const key = (instance: string) => state.key('timeline', hashedName(instance));
  return {
    append: (instance, event) =>
      state.run(async (redis) => {
        // One script, not a MULTI: it rides in the same round trip as the call's other writes.
        await redis.eval(appendScript, 1, key(instance), JSON.stringify(event), MAX_EVENTS_PER_INSTANCE - 1, retentionMs);
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
