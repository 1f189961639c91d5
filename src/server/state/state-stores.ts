import type { FastifyBaseLogger } from 'fastify';
import { EXCHANGE_WINDOW_MS, type EmbedStores } from '../embed/embedding';
import { createSessionStore } from '../embed/sessions';
import { createReplayStore } from '../embed/token';
import { createMemoryFlowStateStore, type FlowStateStore } from '../guards/flow-state-store';
import { SIGN_IN_FAILURE_WINDOW_MS } from '../operator-auth';
import { createRedisAttemptLog, type AttemptLog } from './attempt-log';
import { createMemoryProviderMemoryStore, createRedisProviderMemoryStore, type ProviderMemoryStore } from './provider-memory-store';
import { createRedisFlowStateStore } from './redis-flow-state-store';
import { createRedisReplayStore } from './redis-replay-store';
import { createRedisSessionStore } from './redis-session-store';
import { createRedisState } from './redis-state';
import type { StateConfig } from './state-config';

/** Every piece of the proxy's state, each behind its own store: all in this process, or all in Redis. */
export interface StateStores {
  kind: 'memory' | 'redis';
  guards: { store: FlowStateStore; memory: ProviderMemoryStore };
  embed: EmbedStores;
  /** Failed sign-ins per client; absent in memory, where operator authentication keeps its own bounded log. */
  signInFailures?: AttemptLog;
  /** Whether the state can be read now (for /readyz). */
  reachable: () => Promise<boolean>;
  /** Resolves once the state answers, or false after `timeoutMs`. */
  connected: (timeoutMs: number) => Promise<boolean>;
  close: () => Promise<void>;
}

export function createMemoryStateStores(): StateStores {
  return {
    kind: 'memory',
    guards: { store: createMemoryFlowStateStore(), memory: createMemoryProviderMemoryStore() },
    embed: { replays: createReplayStore(), sessions: createSessionStore },
    reachable: () => Promise.resolve(true),
    connected: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

/** One Redis connection for all stores. Outages are logged once when they start and once when they end. */
export function createRedisStateStores(config: StateConfig, logger: FastifyBaseLogger): StateStores {
  const state = createRedisState({
    url: config.redisUrl,
    keyPrefix: config.keyPrefix,
    onConnectionError: (message) => logger.error({ state: 'redis', reason: message }, 'shared state unreachable; API calls answer 503'),
    onReconnected: () => logger.info({ state: 'redis' }, 'shared state reachable again'),
  });
  return {
    kind: 'redis',
    guards: { store: createRedisFlowStateStore(state), memory: createRedisProviderMemoryStore(state, config.encryptionKey) },
    embed: {
      replays: createRedisReplayStore(state),
      sessions: (limits) => createRedisSessionStore(state, limits),
      exchanges: createRedisAttemptLog(state, 'exchange', EXCHANGE_WINDOW_MS),
    },
    signInFailures: createRedisAttemptLog(state, 'sign-in', SIGN_IN_FAILURE_WINDOW_MS),
    reachable: state.reachable,
    connected: state.connected,
    close: state.close,
  };
}
