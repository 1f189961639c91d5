import type { Messages } from '../../messages';
import { ptBRFirst } from './first';
import { ptBRLater } from './later';

export const ptBR: Messages = { ...ptBRFirst, ...ptBRLater };
