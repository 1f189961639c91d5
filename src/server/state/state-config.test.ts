import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const hexKey = 'ab'.repeat(32);

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('shared-state configuration', () => {
  it('keeps state in memory when REDIS_URL is unset or blank', () => {
    expect(loadConfig({}).state).toBeNull();
    expect(loadConfig({ REDIS_URL: '', STATE_ENCRYPTION_KEY: '' }).state).toBeNull();
  });

  it('takes redis:// and rediss:// with a hex or base64 key of 32 bytes, and the default prefix', () => {
    const plain = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0', STATE_ENCRYPTION_KEY: hexKey });
    expect(plain.state).toEqual({ redisUrl: 'redis://127.0.0.1:6379/0', keyPrefix: 'wa-onboarding:', encryptionKey: Buffer.from(hexKey, 'hex') });
    const tls = loadConfig({
      REDIS_URL: 'rediss://user:pass@redis.internal:6380',
      REDIS_KEY_PREFIX: 'shop-7:',
      STATE_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(tls.state).toMatchObject({ redisUrl: 'rediss://user:pass@redis.internal:6380', keyPrefix: 'shop-7:', encryptionKey: Buffer.alloc(32, 3) });
  });

  it('refuses to start without a usable encryption key, never echoing the key or the address', () => {
    expect(problemsOf({ REDIS_URL: 'redis://:hunter2@127.0.0.1:6379' })).toContain('STATE_ENCRYPTION_KEY: required with REDIS_URL');
    const short = problemsOf({ REDIS_URL: 'redis://:hunter2@127.0.0.1:6379', STATE_ENCRYPTION_KEY: 'too-short-KEY-VALUE' });
    expect(short).toContain('STATE_ENCRYPTION_KEY: must be 32 bytes');
    expect(short).not.toContain('too-short-KEY-VALUE');
    expect(short).not.toContain('hunter2');
    expect(problemsOf({ STATE_ENCRYPTION_KEY: hexKey })).toContain('STATE_ENCRYPTION_KEY: only used with REDIS_URL');
  });

  it('refuses an address that is not redis:// or rediss://', () => {
    const message = problemsOf({ REDIS_URL: 'http://:hunter2@127.0.0.1:6379', STATE_ENCRYPTION_KEY: hexKey });
    expect(message).toContain('REDIS_URL: a redis:// or rediss:// address');
    expect(message).not.toContain('hunter2');
  });
});
