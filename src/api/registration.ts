import type { z } from 'zod/mini';
import type { OperationDefinition } from '../contract/operation';
import { registrationOperations } from '../contract/registration-operations';
import { providerMutation } from './provider-mutation';

function operationMutation<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(key: string, operation: OperationDefinition<Req, Res>) {
  return providerMutation(['registration', key], operation);
}

export const registrationMutations = {
  checkAvailability: operationMutation('availability', registrationOperations.checkAvailability),
  requestCode: operationMutation('code-request', registrationOperations.requestCode),
  answerCaptcha: operationMutation('captcha', registrationOperations.answerCaptcha),
  confirmCode: operationMutation('code-confirmation', registrationOperations.confirmCode),
  confirmPin: operationMutation('pin-confirmation', registrationOperations.confirmPin),
  recoverPin: operationMutation('pin-recovery', registrationOperations.recoverPin),
  confirmTransfer: operationMutation('transfer-confirmation', registrationOperations.confirmTransfer),
  requestUnbanning: operationMutation('appeal', registrationOperations.requestUnbanning),
};
