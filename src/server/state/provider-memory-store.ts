import { z } from 'zod';
import type { ProviderMemory } from '../../providers/types';
import { parseJson } from './call-coordination';
import { JOURNEY_TTL_MS } from './redis-flow-state-store';
import type { RedisState } from './redis-state';
import { seal, unseal } from './sealed';

/**
 * Facts the provider adapters remember between calls of one instance (the appeal token), kept apart
 * from the journey record because they are secret. The captcha step itself is in the journey record;
 * the captcha image and answer are never kept.
 */
export interface ProviderMemoryStore {
  read(instanceKey: string): Promise<ProviderMemory>;
  write(instanceKey: string, memory: ProviderMemory): Promise<void>;
}

/** One entry per instance alias: bounded by the configured instances. */
export function createMemoryProviderMemoryStore(): ProviderMemoryStore {
  const memories = new Map<string, ProviderMemory>();
  return {
    read: (instanceKey) => Promise.resolve({ ...memories.get(instanceKey) }),
    write: (instanceKey, memory) => {
      memories.set(instanceKey, { ...memory });
      return Promise.resolve();
    },
  };
}

const providerMemorySchema = z.object({ appealToken: z.string().optional() }) satisfies z.ZodType<ProviderMemory>;

/**
 * Sealed with AES-256-GCM under `provider:<instance>` (TTL a day, as the journey it belongs to). A value
 * that does not open or parse reads as empty: the appeal is then refused, never sent with a wrong token.
 */
export function createRedisProviderMemoryStore(state: RedisState, key: Buffer): ProviderMemoryStore {
  return {
    read: async (instanceKey) => {
      const name = state.key('provider', instanceKey);
      const sealed = await state.get(name);
      const opened = sealed === null ? null : unseal(key, name, sealed);
      const parsed = opened === null ? null : providerMemorySchema.safeParse(parseJson(opened));
      return parsed?.success ? parsed.data : {};
    },
    write: (instanceKey, memory) =>
      state.run(async (redis) => {
        const name = state.key('provider', instanceKey);
        await redis.set(name, seal(key, name, JSON.stringify(memory)), 'PX', JOURNEY_TTL_MS);
      }),
  };
}
