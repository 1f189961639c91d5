import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const zapi = { ZAPI_INSTANCE_ID: 'i', ZAPI_INSTANCE_TOKEN: 't', ZAPI_CLIENT_TOKEN: 'c' };
const wawp = { WAWP_INSTANCE_ID: 'ABC123def456', WAWP_ACCESS_TOKEN: 'token' };
/** Real provider credentials need an operator credential too. */
const operator = { OPERATOR_TOKEN: 'operator-token-0123456789' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('provider choice', () => {
  it('uses Wawp when its two credentials are set', () => {
    expect(loadConfig({ ...wawp, ...operator }).provider).toEqual({ kind: 'wawp', baseUrl: 'https://api.wawp.net', instanceId: 'ABC123def456', accessToken: 'token' });
  });

  it('needs PROVIDER to pick one when both providers have credentials', () => {
    expect(problems({ ...zapi, ...wawp, ...operator })).toEqual(['PROVIDER: required when both Z-API and Wawp credentials are set (zapi or wawp)']);
    expect(loadConfig({ ...zapi, ...wawp, ...operator, PROVIDER: 'wawp' }).provider.kind).toBe('wawp');
    expect(loadConfig({ ...zapi, ...wawp, ...operator, PROVIDER: 'zapi' }).provider.kind).toBe('zapi');
  });

  it('names the missing half of the Wawp credentials and a PROVIDER without its credentials, never a value', () => {
    const listed = problems({ ...operator, WAWP_INSTANCE_ID: 'SECRET_VALUE', PROVIDER: 'zapi', WAWP_BASE_URL: 'ftp://x' });
    expect(listed.join('\n')).not.toContain('SECRET_VALUE');
    expect(listed.map((problem) => problem.split(':')[0])).toEqual(['WAWP_BASE_URL', 'WAWP_ACCESS_TOKEN', 'PROVIDER']);
  });

  it('lets the simulated provider speak Wawp and never scan its QR codes', () => {
    const config = loadConfig({ SIMULATED_PROVIDER: 'wawp', SIMULATED_QR: 'never-scanned' });
    expect(config.provider).toEqual({ kind: 'simulated' });
    expect(config.simulated).toEqual({ speaks: 'wawp', qr: 'never-scanned' });
    expect(loadConfig({}).simulated).toEqual({ speaks: 'zapi', qr: 'scanned' });
    expect(problems({ SIMULATED_PROVIDER: 'waha' }).map((problem) => problem.split(':')[0])).toEqual(['SIMULATED_PROVIDER']);
  });
});
