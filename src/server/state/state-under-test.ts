import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RedisUnderTest } from '../../test/redis-server';
import { createRedisState, type RedisState } from './redis-state';

/**
 * Test support for the contract suites: one real redis-server per test file, and any number of
 * connections to it, each standing for one proxy process. Every suite gets its own key prefix.
 */
export interface RedisFixture {
  server: () => RedisUnderTest;
  /** A new connection (a process of its own) under `prefix`. */
  connect: (prefix: string) => RedisState;
  /** A prefix no other test uses. */
  freshPrefix: () => string;
}

export const testEncryptionKey = Buffer.alloc(32, 7);

export function redisPerFile(): RedisFixture {
  let server: RedisUnderTest | null = null;
  const connections: RedisState[] = [];
  beforeAll(async () => {
    server = await startRedis();
  }, 30_000);
  afterAll(async () => {
    for (const connection of connections) await connection.close();
    await server?.close();
  });
  const running = () => {
    if (!server) throw new Error('redis-server is not running');
    return server;
  };
  return {
    server: running,
    connect: (prefix) => {
      const state = createRedisState({ url: running().url, keyPrefix: prefix, commandTimeoutMs: 1_000 });
      connections.push(state);
      return state;
    },
    freshPrefix: () => `t-${randomBytes(6).toString('hex')}:`,
  };
}
