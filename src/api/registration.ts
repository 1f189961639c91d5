import type { z } from 'zod/mini';
import { operations, type OperationDefinition } from '../contract/operations';
import { providerMutation } from './provider-mutation';

function operationMutation<Req extends z.core.$ZodType, Res extends z.core.$ZodType>(key: string, operation: OperationDefinition<Req, Res>) {
  return providerMutation(['registration', key], operation);
}

export const registrationMutations = {
  checkAvailability: operationMutation('availability', operations.checkAvailability),
  requestCode: operationMutation('code-request', operations.requestCode),
  answerCaptcha: operationMutation('captcha', operations.answerCaptcha),
  confirmCode: operationMutation('code-confirmation', operations.confirmCode),
  confirmPin: operationMutation('pin-confirmation', operations.confirmPin),
  recoverPin: operationMutation('pin-recovery', operations.recoverPin),
  confirmTransfer: operationMutation('transfer-confirmation', operations.confirmTransfer),
  requestUnbanning: operationMutation('appeal', operations.requestUnbanning),
};
