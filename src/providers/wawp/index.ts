import type { ProviderAdapter } from '../types';
import { wawpLinking } from './linking';

/** Wawp links devices only: the registration and account routes are Z-API mobile-instance features. */
export const wawpAdapter: ProviderAdapter = {
  name: 'wawp',
  operations: { ...wawpLinking },
};

export { wawpTarget, type WawpCredentials } from './target';
