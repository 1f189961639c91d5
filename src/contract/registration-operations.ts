import { emptyRequestSchema } from './common';
import { operation } from './operation';
import {
  appealRequestSchema,
  appealResultSchema,
  availabilityRequestSchema,
  availabilityResultSchema,
  captchaAnswerSchema,
  captchaResultSchema,
  codeConfirmationResultSchema,
  codeConfirmationSchema,
  codeRequestResultSchema,
  codeRequestSchema,
  pinConfirmationResultSchema,
  pinConfirmationSchema,
  pinRecoveryResultSchema,
  transferConfirmationResultSchema,
} from './registration';

/** The mobile-registration journey's calls, from the availability check to the appeal. */
export const registrationOperations = {
  checkAvailability: operation('POST', '/registration/availability', availabilityRequestSchema, availabilityResultSchema),
  requestCode: operation('POST', '/registration/code-request', codeRequestSchema, codeRequestResultSchema),
  answerCaptcha: operation('POST', '/registration/captcha', captchaAnswerSchema, captchaResultSchema),
  confirmCode: operation('POST', '/registration/code-confirmation', codeConfirmationSchema, codeConfirmationResultSchema),
  confirmPin: operation('POST', '/registration/pin-confirmation', pinConfirmationSchema, pinConfirmationResultSchema),
  recoverPin: operation('POST', '/registration/pin-recovery', emptyRequestSchema, pinRecoveryResultSchema),
  confirmTransfer: operation('POST', '/registration/transfer-confirmation', emptyRequestSchema, transferConfirmationResultSchema),
  requestUnbanning: operation('POST', '/registration/appeal', appealRequestSchema, appealResultSchema),
};
