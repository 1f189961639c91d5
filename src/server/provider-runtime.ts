import type { ProviderAdapter, UpstreamRequest } from '../providers/types';
import { wawpAdapter, wawpTarget } from '../providers/wawp';
import { zapiAdapter, zapiTarget } from '../providers/zapi';
import type { ProviderConfig } from './config';
import type { UpstreamTarget } from './upstream';

export type RealProvider = Exclude<ProviderConfig, { kind: 'simulated' }>;

export interface ProviderRuntime {
  adapter: ProviderAdapter;
  /** The only origin the transport may reach. */
  origin: string;
  /** Where one call goes, credentials included: used by the transport only. */
  target: (request: UpstreamRequest) => UpstreamTarget;
}

/** The adapter and the credential-adding addressing of one configured provider. */
export function providerRuntime(provider: RealProvider): ProviderRuntime {
  const origin = new URL(provider.baseUrl).origin;
  if (provider.kind === 'wawp') return { adapter: wawpAdapter, origin, target: (request) => wawpTarget(provider, request) };
  return { adapter: zapiAdapter, origin, target: (request) => zapiTarget(provider, request) };
}
