import type { PartMessages } from '../part';
import type { embedEn } from './en';

export const embedEs: PartMessages<typeof embedEn> = {
  'embed.title': 'Alta de número de WhatsApp',
  'embed.session.expired': 'Tu sesión ha caducado. El portal la está renovando; sigues en el mismo paso.',
  'embed.session.renewed': 'Sesión renovada. Repite tu última acción para continuar.',
  'embed.unavailable.title': 'No se pudo abrir esta consola',
  'embed.unavailable.text': 'El enlace del portal ha caducado o no es válido. Cierra este panel y vuelve a abrirlo desde el portal.',
};
