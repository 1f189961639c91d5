import type { Translation } from '../../messages';
import type { linking as english } from '../en/linking';

export const linking: Translation<typeof english> = {
  'start.heading': '¿Cómo usará esta instancia el número?',
  'start.register': 'Registrar el número aquí (esta instancia pasa a ser el teléfono)',
  'start.register.detail': 'Elige esto cuando WhatsApp puede salir del teléfono donde está ahora: el número funcionará solo en esta instancia.',
  'start.link': 'Vincular al teléfono que tiene WhatsApp (código o QR)',
  'start.link.detail': 'Elige esto cuando WhatsApp debe seguir en ese teléfono: esta instancia se suma como dispositivo vinculado.',

  'link.heading': '¿Cómo vinculará el teléfono esta instancia?',
  'link.intro': 'WhatsApp sigue en el teléfono; esta instancia pasa a ser uno de sus dispositivos vinculados.',
  'link.byCode': 'Con un código escrito en el teléfono',
  'link.byCode.detail': 'Mejor cuando el teléfono no está junto a esta pantalla o su cámara no funciona.',
  'link.byQr': 'Con un código QR escaneado por el teléfono',
  'link.byQr.detail': 'Mejor cuando el teléfono está aquí, junto a esta pantalla.',
  'link.back': 'Volver',
  'link.waiting': 'Esperando al teléfono. Esta página avanza sola en cuanto la instancia quede vinculada.',

  'link.phone.heading': '¿Qué número tiene WhatsApp?',
  'link.phone.intro': 'El código solo funciona en el teléfono con este número.',
  'link.phone.submit': 'Obtener el código',
  'link.phone.checking': 'Obteniendo el código…',

  'link.code.heading': 'Escribe este código en el teléfono',
  'link.code.label': 'Código de vinculación',
  'link.code.copy': 'Copiar el código',
  'link.code.copied': 'El código está copiado.',
  'link.code.copyFailed': 'No se pudo copiar el código. Selecciónelo y cópielo a mano.',
  'link.code.expiresIn': 'Este código vence en',
  'link.code.renewing': 'Ese código venció. Obteniendo uno nuevo…',
  'link.code.renewed': 'El código anterior venció; este es uno nuevo.',
  'link.code.steps': 'En el teléfono con {phone}:',
  'link.code.step1': 'Abre WhatsApp.',
  'link.code.step2': 'Toca Más opciones ⋮ (Android) o Configuración (iPhone) y luego Dispositivos vinculados.',
  'link.code.step3': 'Toca Vincular un dispositivo y luego Vincular con el número de teléfono.',
  'link.code.step4': 'Escribe los 8 caracteres que se muestran aquí.',
  'link.code.otherNumber': 'Usar otro número',

  'link.qr.heading': 'Escanea este código QR con el teléfono',
  'link.qr.alt': 'Código QR que vincula esta instancia a WhatsApp',
  'link.qr.counter': 'QR {n} de {total}',
  'link.qr.expiresIn': 'Un nuevo código QR en',
  'link.qr.loading': 'Obteniendo un código QR…',
  'link.qr.paused': 'Los tres últimos códigos QR no se escanearon, así que no se muestran más. Pide uno nuevo cuando el teléfono esté listo.',
  'link.qr.new': 'Nuevo código QR',
  'link.qr.step1': 'Abre WhatsApp en el teléfono.',
  'link.qr.step2': 'Toca Más opciones ⋮ (Android) o Configuración (iPhone) y luego Dispositivos vinculados.',
  'link.qr.step3': 'Toca Vincular un dispositivo y apunta el teléfono a esta pantalla.',

  'error.LINK_NOT_READY': 'El proveedor aún no está listo para vincular un dispositivo. Pide de nuevo en un momento.',
  'link.qr.pausedHeading': 'Los códigos QR se detuvieron',
};
