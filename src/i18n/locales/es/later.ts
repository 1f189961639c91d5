import type { LaterMessages } from '../../messages';
import { account } from './account';
import { errors } from './errors';
import { journey } from './journey';
import { registration } from './registration';

/** What the screens after the first say: fetched at boot beside their chunks, never waited for by the first screen. */
export const esLater: LaterMessages = { ...errors, ...registration, ...account, ...journey };
