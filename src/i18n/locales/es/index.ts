import type { Messages } from '../../messages';
import { esFirst } from './first';
import { esLater } from './later';

export const es: Messages = { ...esFirst, ...esLater };
