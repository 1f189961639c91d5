import { enFirst } from './first';
import { enLater } from './later';

export const en = { ...enFirst, ...enLater };
