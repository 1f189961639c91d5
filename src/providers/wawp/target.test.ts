import { describe, expect, it } from 'vitest';
import { wawpTarget } from './target';

describe('Wawp addressing', () => {
  it('adds the instance id and access token as query parameters, and nothing else secret', () => {
    const target = wawpTarget(
      { baseUrl: 'https://api.wawp.net/', instanceId: 'ABC123def456', accessToken: 's3cr3t&x=1' },
      { method: 'POST', path: '/v2/auth/request-code', body: { phone_number: '201145202826' } },
    );
    const url = new URL(target.url);
    expect(url.origin + url.pathname).toBe('https://api.wawp.net/v2/auth/request-code');
    expect(url.searchParams.get('instance_id')).toBe('ABC123def456');
    expect(url.searchParams.get('access_token')).toBe('s3cr3t&x=1');
    expect([...url.searchParams.keys()].sort()).toEqual(['access_token', 'instance_id']);
    expect(target.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });
});
