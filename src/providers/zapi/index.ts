import type { ProviderAdapter } from '../types';
import { zapiAccount } from './account';
import { zapiInstance } from './instance';
import { zapiRegistration } from './registration';

export const zapiAdapter: ProviderAdapter = {
  name: 'zapi',
  operations: { ...zapiRegistration, ...zapiInstance, ...zapiAccount },
};

export { zapiTarget, type ZapiCredentials } from './target';
