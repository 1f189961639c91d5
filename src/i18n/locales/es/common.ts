import type { common as en } from '../en/common';
import type { Translation } from '../../messages';

export const common: Translation<typeof en> = {
  'app.title': 'Conexión de número de WhatsApp',
  'app.tagline': 'Conecta un número de WhatsApp a tu instancia de la API.',
  'app.language': 'Idioma',
  'app.demo': 'Demostración: nada llega a WhatsApp. Usa los números de prueba de la guía.',
  'app.offline': 'No tienes conexión. No se enviará nada hasta que vuelva; lo que escribiste se conserva.',
  'app.startOver': 'Empezar de nuevo',
  'app.changeNumber': 'Cambiar número',
  'app.crashed': 'Algo salió mal en esta pantalla.',
  'app.crashedHint': 'Tu paso está guardado. Recarga la página para continuar.',
  'app.reload': 'Recargar',
  'app.main': 'Conexión',
  'app.stillWorking': 'Seguimos trabajando: el proveedor tarda más de lo habitual.',
  'app.back': 'Volver',
  'stepper.label': 'Progreso',
  'stepper.count': 'Paso {current} de {total}',
  'stepper.number': 'Número',
  'stepper.code': 'Código',
  'stepper.checks': 'Verificaciones',
  'stepper.connected': 'Conectado',
  'account.start.checking': 'Comprobando si esta instancia ya está conectada…',
  'account.loading': 'Cargando…',
};
