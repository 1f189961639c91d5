import type { Translation } from '../../messages';
import type { linking as english } from '../en/linking';

export const linking: Translation<typeof english> = {
  'start.heading': 'Como esta instância vai usar o número?',
  'start.register': 'Registrar o número aqui (esta instância vira o celular)',
  'start.register.detail': 'Escolha isto quando o WhatsApp pode sair do celular onde está agora: o número vai funcionar só nesta instância.',
  'start.link': 'Conectar ao celular que tem o WhatsApp (código ou QR)',
  'start.link.detail': 'Escolha isto quando o WhatsApp precisa continuar naquele celular: esta instância entra como dispositivo conectado.',

  'link.heading': 'Como o celular vai conectar esta instância?',
  'link.intro': 'O WhatsApp continua no celular; esta instância vira um dos dispositivos conectados dele.',
  'link.byCode': 'Com um código digitado no celular',
  'link.byCode.detail': 'Melhor quando o celular não está ao lado desta tela ou a câmera dele não funciona.',
  'link.byQr': 'Com um QR code lido pelo celular',
  'link.byQr.detail': 'Melhor quando o celular está aqui, ao lado desta tela.',
  'link.back': 'Voltar',
  'link.waiting': 'Aguardando o celular. Esta página avança sozinha assim que a instância for conectada.',

  'link.phone.heading': 'Qual número tem o WhatsApp?',
  'link.phone.intro': 'O código só funciona no celular com este número.',
  'link.phone.submit': 'Gerar o código',
  'link.phone.checking': 'Gerando o código…',

  'link.code.heading': 'Digite este código no celular',
  'link.code.label': 'Código de conexão',
  'link.code.copy': 'Copiar o código',
  'link.code.copied': 'O código foi copiado.',
  'link.code.copyFailed': 'Não foi possível copiar o código. Selecione-o e copie manualmente.',
  'link.code.expiresIn': 'Este código expira em',
  'link.code.renewing': 'Esse código expirou. Gerando um novo…',
  'link.code.renewed': 'O código anterior expirou; este é um novo.',
  'link.code.steps': 'No celular com {phone}:',
  'link.code.step1': 'Abra o WhatsApp.',
  'link.code.step2': 'Toque em Mais opções ⋮ (Android) ou Configurações (iPhone) e depois em Dispositivos conectados.',
  'link.code.step3': 'Toque em Conectar dispositivo e depois em Conectar com número de telefone.',
  'link.code.step4': 'Digite os 8 caracteres mostrados aqui.',
  'link.code.otherNumber': 'Usar outro número',

  'link.qr.heading': 'Leia este QR code com o celular',
  'link.qr.alt': 'QR code que conecta esta instância ao WhatsApp',
  'link.qr.counter': 'QR {n} de {total}',
  'link.qr.expiresIn': 'Um novo QR code em',
  'link.qr.loading': 'Gerando um QR code…',
  'link.qr.paused': 'Os três últimos QR codes não foram lidos, então nenhum outro é mostrado. Peça um novo quando o celular estiver pronto.',
  'link.qr.new': 'Novo QR code',
  'link.qr.step1': 'Abra o WhatsApp no celular.',
  'link.qr.step2': 'Toque em Mais opções ⋮ (Android) ou Configurações (iPhone) e depois em Dispositivos conectados.',
  'link.qr.step3': 'Toque em Conectar dispositivo e aponte o celular para esta tela.',

  'error.LINK_NOT_READY': 'O provedor ainda não está pronto para conectar um dispositivo. Peça de novo em instantes.',
  'link.qr.pausedHeading': 'Os QR codes pararam',
};
