import type { Translation } from '../../messages';
import type { capabilities as english } from '../en/capabilities';

export const capabilities: Translation<typeof english> = {
  'capabilities.checking': 'Comprobando lo que puede hacer esta instancia…',
  'capabilities.linkOnly': 'Esta instancia se vincula al teléfono que tiene WhatsApp: su proveedor no puede registrar el número aquí.',
  'capabilities.noAccountSecurity': 'El proveedor de esta instancia no ofrece seguridad de la cuenta (correo y PIN).',
};
