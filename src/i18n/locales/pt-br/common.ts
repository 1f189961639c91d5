import type { common as en } from '../en/common';
import type { Translation } from '../../messages';

export const common: Translation<typeof en> = {
  'app.title': 'Conexão de número do WhatsApp',
  'app.tagline': 'Conecte um número do WhatsApp à sua instância da API.',
  'app.language': 'Idioma',
  'app.demo': 'Demonstração: nada chega ao WhatsApp. Use os números de teste do guia.',
  'app.offline': 'Você está sem conexão. Nada será enviado até a conexão voltar; o que você digitou continua aqui.',
  'app.startOver': 'Começar de novo',
  'app.changeNumber': 'Trocar número',
  'app.crashed': 'Algo deu errado nesta tela.',
  'app.crashedHint': 'Sua etapa está salva. Recarregue a página para continuar.',
  'app.reload': 'Recarregar',
  'app.main': 'Conexão',
  'app.stillWorking': 'Ainda trabalhando — o provedor está demorando mais que o normal.',
  'app.back': 'Voltar',
  'stepper.label': 'Progresso',
  'stepper.count': 'Etapa {current} de {total}',
  'stepper.number': 'Número',
  'stepper.code': 'Código',
  'stepper.checks': 'Verificações',
  'stepper.connected': 'Conectado',
  'account.start.checking': 'Verificando se esta instância já está conectada…',
  'account.loading': 'Carregando…',
};
