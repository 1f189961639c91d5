import type { Messages } from '../../messages';
import { account } from './account';
import { embed } from './embed';
import { common } from './common';
import { errors } from './errors';
import { registration } from './registration';

export const es: Messages = { ...common, ...errors, ...registration, ...account, ...embed };
