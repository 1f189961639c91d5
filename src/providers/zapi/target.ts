import type { UpstreamRequest } from '../types';

export interface ZapiCredentials {
  baseUrl: string;
  instanceId: string;
  instanceToken: string;
  clientToken: string;
}

/**
 * Where a Z-API call goes. The instance id and token are path segments, so the whole URL is a
 * secret: it is built here, used by the transport, and never logged or returned.
 */
export function zapiTarget(credentials: ZapiCredentials, request: UpstreamRequest) {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  const instance = `/instances/${encodeURIComponent(credentials.instanceId)}/token/${encodeURIComponent(credentials.instanceToken)}`;
  const headers: Record<string, string> = { 'client-token': credentials.clientToken, accept: 'application/json' };
  // Z-API asks for a JSON content type on every POST, including those without a body.
  if (request.method === 'POST') headers['content-type'] = 'application/json';
  return { url: `${base}${instance}${request.path}`, headers };
}
