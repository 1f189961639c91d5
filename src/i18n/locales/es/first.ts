import type { FirstMessages } from '../../messages';
import { capabilities } from './capabilities';
import { common } from './common';
import { linking } from './linking';

/** What the first screen (the choice, the status check) says: the boot waits for this part only. */
export const esFirst: FirstMessages = { ...common, ...linking, ...capabilities };
