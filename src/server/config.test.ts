import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('keeps the timeline 30 days and names no brand by default; both can be set, within bounds', () => {
    expect(loadConfig({})).toMatchObject({ timelineRetentionMs: 30 * 86_400_000, brand: { name: null, logo: null } });
    expect(loadConfig({ TIMELINE_DAYS: '7', BRAND_NAME: 'Agência Aurora' })).toMatchObject({ timelineRetentionMs: 7 * 86_400_000, brand: { name: 'Agência Aurora' } });
    expect(() => loadConfig({ TIMELINE_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ TIMELINE_DAYS: '366' })).toThrow(/TIMELINE_DAYS/);
  });

  it('runs against the simulated provider when no credentials are set, on loopback by default', () => {
    const config = loadConfig({});
    expect(config.provider).toEqual({ kind: 'simulated' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
  });

  it('uses Z-API when all three credentials are set', () => {
    const config = loadConfig({ ZAPI_INSTANCE_ID: 'i', ZAPI_INSTANCE_TOKEN: 't', ZAPI_CLIENT_TOKEN: 'c', OPERATOR_TOKEN: 'operator-token-0123456789' });
    expect(config.provider).toMatchObject({ kind: 'zapi', baseUrl: 'https://api.z-api.io', instanceId: 'i' });
  });

  it('lists every problem at once, naming the variables and never echoing a value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ZAPI_INSTANCE_ID: 'SECRET_ID_VALUE', ZAPI_BASE_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : '';
    for (const name of ['PORT', 'ZAPI_BASE_URL', 'LOG_LEVEL', 'ZAPI_INSTANCE_TOKEN', 'ZAPI_CLIENT_TOKEN', 'OPERATOR_TOKEN']) expect(message).toContain(name);
    expect(message).not.toContain('SECRET_ID_VALUE');
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(6);
  });
});
