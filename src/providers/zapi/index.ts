import type { ProviderAdapter } from '../types';
import { zapiAccount } from './account';
import { zapiInstance } from './instance';
import { zapiLinking } from './linking';
import { zapiRegistration } from './registration';

export const zapiAdapter: ProviderAdapter = {
  name: 'zapi',
  operations: { ...zapiRegistration, ...zapiInstance, ...zapiAccount, ...zapiLinking },
};

export { zapiTarget, type ZapiCredentials } from './target';
