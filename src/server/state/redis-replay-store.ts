import { replayKeepMs, type ReplayStore } from '../embed/token';
import { hashedName } from './hashed-name';
import type { RedisState } from './redis-state';

/**
 * `SET jti:<hash> NX PX` with the time left until the token expires: the first process to set it wins,
 * every later use (on any process) is refused, and the key goes away when the token could not pass anyway.
 */
export function createRedisReplayStore(state: RedisState): ReplayStore {
  return {
    use: (jti, expSeconds, nowMs) =>
      state.run(async (redis) => {
        const keepMs = Math.max(1_000, replayKeepMs(expSeconds, nowMs));
        return (await redis.set(state.key('jti', hashedName(jti)), '1', 'PX', keepMs, 'NX')) === 'OK';
      }),
  };
}
