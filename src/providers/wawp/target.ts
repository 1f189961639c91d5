import type { UpstreamRequest } from '../types';

export interface WawpCredentials {
  baseUrl: string;
  instanceId: string;
  accessToken: string;
}

/**
 * Where a Wawp call goes. Wawp takes the instance id and access token as query parameters, so, as
 * with Z-API's token-in-path, the whole URL is a secret: built here, used by the transport, never
 * logged or returned.
 */
export function wawpTarget(credentials: WawpCredentials, request: UpstreamRequest) {
  const url = new URL(`${credentials.baseUrl.replace(/\/+$/, '')}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('instance_id', credentials.instanceId);
  url.searchParams.set('access_token', credentials.accessToken);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.method === 'POST') headers['content-type'] = 'application/json';
  return { url: url.href, headers };
}
