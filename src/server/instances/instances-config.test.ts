import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'instances-')), 'instances.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

/** Real credentials, or a file that may hold them, need an operator credential in standalone mode. */
const operator = { OPERATOR_TOKEN: 'operator-token-0123456789' };

describe('instances and embedding in the configuration', () => {
  it('names the ZAPI_* instance `default`, or the simulated provider when none is set', () => {
    expect(loadConfig({}).instances).toEqual({ default: { kind: 'simulated' } });
    expect(loadConfig({ ZAPI_INSTANCE_ID: 'i', ZAPI_INSTANCE_TOKEN: 't', ZAPI_CLIENT_TOKEN: 'c', ...operator }).instances).toEqual({
      default: { kind: 'zapi', baseUrl: 'https://api.z-api.io', instanceId: 'i', instanceToken: 't', clientToken: 'c' },
    });
  });

  it('reads several aliases from INSTANCES_FILE', () => {
    const path = file({ 'shop-a': { provider: 'zapi', instanceId: 'i', instanceToken: 't', clientToken: 'c' }, trial: { provider: 'simulated' } });
    expect(Object.keys(loadConfig({ INSTANCES_FILE: path, ...operator }).instances)).toEqual(['shop-a', 'trial']);
  });

  it('reads a Wawp instance from the file as the same provider settings the environment gives', () => {
    const path = file({ shop: { provider: 'wawp', instanceId: 'w', accessToken: 'a' } });
    expect(loadConfig({ INSTANCES_FILE: path, ...operator }).instances).toEqual({
      shop: { kind: 'wawp', baseUrl: 'https://api.wawp.net', instanceId: 'w', accessToken: 'a' },
    });
  });

  it('needs no operator credential when embedding is on, since every call then needs an embed session', () => {
    const path = file({ shop: { provider: 'zapi', instanceId: 'i', instanceToken: 't', clientToken: 'c' } });
    const embed = { EMBED_ENABLED: 'true', EMBED_ISSUER: 'portal', EMBED_SECRET: 'x'.repeat(32), EMBED_ALLOWED_ORIGINS: 'https://portal.example' };
    expect(problems({ INSTANCES_FILE: path })).toContain('OPERATOR_TOKEN');
    expect(loadConfig({ INSTANCES_FILE: path, ...embed }).operator).toBeNull();
  });

  it('lists the file’s problems by alias and field without echoing a credential', () => {
    const path = file({ 'Shop A': { provider: 'zapi' }, b: { provider: 'zapi', instanceId: 'SECRET_ID_9', instanceToken: '', clientToken: 'c', extra: 1 } });
    const message = problems({ INSTANCES_FILE: path, ...operator });
    expect(message).toContain('INSTANCES_FILE');
    expect(message).toContain('b.instanceToken');
    expect(message).toContain('alias');
    expect(message).not.toContain('SECRET_ID_9');
    expect(problems({ INSTANCES_FILE: file('{not json'), ...operator })).toContain('not valid JSON');
    expect(problems({ INSTANCES_FILE: file({}), ...operator, ZAPI_INSTANCE_ID: 'i', ZAPI_INSTANCE_TOKEN: 't', ZAPI_CLIENT_TOKEN: 'c' })).toContain('not both');
  });

  it('requires an issuer, exactly one key and exact origins when embedding is on', () => {
    const message = problems({ EMBED_ENABLED: 'true', EMBED_ALLOWED_ORIGINS: 'https://portal.example/, *.example', EMBED_ALGORITHMS: 'none' });
    for (const name of ['EMBED_ISSUER', 'EMBED_SECRET', 'EMBED_ALLOWED_ORIGINS', 'EMBED_ALGORITHMS']) expect(message).toContain(name);
    const config = loadConfig({ EMBED_ENABLED: 'true', EMBED_ISSUER: 'portal', EMBED_SECRET: 'x'.repeat(32), EMBED_ALLOWED_ORIGINS: 'https://portal.example' });
    expect(config.embed).toMatchObject({ algorithms: ['HS256'], allowedOrigins: ['https://portal.example'], sessionIdleSeconds: 900, sessionMaxSeconds: 3600 });
    expect(problems({ EMBED_ENABLED: 'true', EMBED_ISSUER: 'p', EMBED_SECRET: 'x'.repeat(32), EMBED_ALLOWED_ORIGINS: 'https://p.example', EMBED_SESSION_IDLE_SECONDS: '3600' })).toContain(
      'EMBED_SESSION_IDLE_SECONDS',
    );
  });
});

describe('blank embedding variables', () => {
  it('treat a blank line copied from .env.example as not set', () => {
    const config = loadConfig({ INSTANCES_FILE: '', EMBED_ENABLED: 'false', EMBED_ISSUER: '', EMBED_SECRET: '', EMBED_ALGORITHMS: '', EMBED_ALLOWED_ORIGINS: '' });
    expect(config.embed).toBeNull();
    expect(Object.keys(config.instances)).toEqual(['default']);
  });
});
