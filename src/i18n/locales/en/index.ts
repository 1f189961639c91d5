import { account } from './account';
import { embed } from './embed';
import { common } from './common';
import { errors } from './errors';
import { registration } from './registration';

export const en = { ...common, ...errors, ...registration, ...account, ...embed };
