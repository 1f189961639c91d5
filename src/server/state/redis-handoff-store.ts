import { z } from 'zod';
import { recordTtlMs, type HandoffRecord, type HandoffStore } from '../handoff/handoff-store';
import { parseJson } from './call-coordination';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

const recordSchema = z.object({
  instance: z.string(),
  step: z.enum(['code', 'pin']),
  number: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(['live', 'used', 'revoked']),
  opened: z.boolean(),
}) satisfies z.ZodType<HandoffRecord>;

/**
 * `handoff:<sha256 of the token>` holds the link as JSON until a day after it ends; `handoff-live:<hash
 * of the instance>` names the live link's digest until the link ends. A record that does not parse
 * is no link (fail closed: the owner is told the link is not valid).
 */
export function createRedisHandoffStore(state: RedisState): HandoffStore {
  return {
    save: (digest, record) =>
      state.run(async (redis) => {
        await redis.set(state.key('handoff', digest), JSON.stringify(record), 'PX', recordTtlMs(record));
      }),
    find: (digest) =>
      state.run(async (redis) => {
        const text = await redis.get(state.key('handoff', digest));
        if (text === null) return undefined;
        const parsed = recordSchema.safeParse(parseJson(text));
        return parsed.success ? parsed.data : undefined;
      }),
    live: (instance) => state.run(async (redis) => (await redis.get(state.key('handoff-live', hashedName(instance)))) ?? undefined),
    setLive: (instance, digest, ttlMs) =>
      state.run(async (redis) => {
        const key = state.key('handoff-live', hashedName(instance));
        if (digest === null) await redis.del(key);
        else await redis.set(key, digest, 'PX', Math.max(1, ttlMs));
      }),
  };
}
