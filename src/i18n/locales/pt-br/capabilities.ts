import type { Translation } from '../../messages';
import type { capabilities as english } from '../en/capabilities';

export const capabilities: Translation<typeof english> = {
  'capabilities.checking': 'Verificando o que esta instância pode fazer…',
  'capabilities.linkOnly': 'Esta instância se conecta ao celular que tem o WhatsApp: o provedor dela não registra o número aqui.',
  'capabilities.noAccountSecurity': 'O provedor desta instância não oferece segurança da conta (e-mail e PIN).',
};
