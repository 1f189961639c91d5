import type { PartMessages } from '../part';
import type { embedEn } from './en';

export const embedPtBR: PartMessages<typeof embedEn> = {
  'embed.title': 'Cadastro de número do WhatsApp',
  'embed.session.expired': 'Sua sessão expirou. O portal está renovando a sessão; você continua na mesma etapa.',
  'embed.session.renewed': 'Sessão renovada. Repita a última ação para continuar.',
  'embed.unavailable.title': 'Não foi possível abrir este console',
  'embed.unavailable.text': 'O link do portal expirou ou não é válido. Feche este painel e abra-o de novo pelo portal.',
};
