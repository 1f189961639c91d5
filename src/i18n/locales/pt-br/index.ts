import type { Messages } from '../../messages';
import { account } from './account';
import { capabilities } from './capabilities';
import { common } from './common';
import { errors } from './errors';
import { journey } from './journey';
import { linking } from './linking';
import { registration } from './registration';

export const ptBR: Messages = { ...common, ...errors, ...registration, ...account, ...journey, ...linking, ...capabilities };
