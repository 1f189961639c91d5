import { describe, expect, it } from 'vitest';
import { redisPerFile } from '../testing/redis-fixture';
import type { Redis } from 'ioredis';
import type { RedisState } from './redis-state';

const redis = redisPerFile();

/** The commands clients send to Redis while `work` runs, as MONITOR reports them (a script's own calls left out). */
async function sentDuring(state: RedisState, work: () => Promise<unknown>): Promise<string[]> {
  const monitor = await state.run((client) => client.monitor());
  const sent: string[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source !== 'lua') sent.push(args[0]?.toLowerCase() ?? '');
  });
  try {
    await work();
    // MONITOR reports asynchronously: a command sent after the work marks the end of what it sent.
    await state.run((client) => client.echo('end'));
    await expect.poll(() => sent.at(-1)).toBe('echo');
    return sent.slice(0, -1);
  } finally {
    monitor.disconnect();
  }
}

describe('the reads of one tick', () => {
  it('go to Redis as one command, each answered in its place', async () => {
    const state = redis.connect(redis.freshPrefix());
    await state.run((client) => client.set(state.key('t', 'value'), 'one'));
    await state.run((client) => client.zadd(state.key('t', 'set'), 5, 'early', 9, 'late'));
    let answers: unknown;
    const sent = await sentDuring(state, async () => {
      answers = await Promise.all([
        state.get(state.key('t', 'value')),
        state.get(state.key('t', 'missing')),
        state.scoresSince(state.key('t', 'set'), 6),
        state.scoresSince(state.key('t', 'no-set'), 0),
        state.scoresSince(state.key('t', 'set'), 0),
      ]);
    });
    expect(answers).toEqual(['one', null, [9], [], [5, 9]]);
    expect(sent).toEqual(['eval']);
  });

  it('fail together, as the state being unavailable, when Redis is not there', async () => {
    const state = redis.connect(redis.freshPrefix());
    await state.get(state.key('t', 'warm'));
    await redis.server().stop();
    try {
      const reads = [state.get(state.key('t', 'value')), state.scoresSince(state.key('t', 'set'), 0)];
      for (const read of reads) await expect(read).rejects.toMatchObject({ name: 'StateUnavailableError' });
    } finally {
      await redis.server().start();
    }
  });
});

describe('the exchanges asked for in one tick', () => {
  it('start once the tick is done, in the order asked, each answered in its place', async () => {
    const state = redis.connect(redis.freshPrefix());
    const key = state.key('t', 'order');
    const started: string[] = [];
    const exchange = <T>(name: string, work: (client: Redis) => Promise<T>) =>
      state.run((client) => {
        started.push(name);
        return work(client);
      });
    const answers = Promise.all([exchange('set', (client) => client.set(key, 'first')), exchange('append', (client) => client.append(key, '+second')), exchange('get', (client) => client.get(key))]);
    // Nothing is built while the tick that asked runs: an answer written in that tick leaves first.
    expect(started).toEqual([]);
    expect(await answers).toEqual(['OK', 12, 'first+second']);
    expect(started).toEqual(['set', 'append', 'get']);
  });
});
