import type { ProviderAdapter } from '../types';
import { zapiInstance } from './instance';
import { zapiRegistration } from './registration';

export const zapiAdapter: ProviderAdapter = {
  name: 'zapi',
  operations: { ...zapiRegistration, ...zapiInstance },
};

export { zapiTarget, type ZapiCredentials } from './target';
