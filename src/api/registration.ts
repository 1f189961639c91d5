import { mutationOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { operations, type OperationDefinition } from '../contract/operations';
import { callApi } from './client';

/**
 * Provider calls share one scope, so they run one after another even if two were started
 * (the flow machine already refuses a second one while the first is pending).
 */
const PROVIDER_SCOPE = { id: 'provider' };

function operationMutation<Req extends z.ZodType, Res extends z.ZodType>(key: string, operation: OperationDefinition<Req, Res>) {
  return mutationOptions({
    mutationKey: ['registration', key],
    mutationFn: (input: z.input<Req>) => callApi(operation, input),
    scope: PROVIDER_SCOPE,
  });
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
