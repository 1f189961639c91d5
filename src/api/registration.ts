import { registrationOperations } from '../contract/registration-operations';
import type { RegistrationCall, RegistrationInput, RegistrationOperationName, RegistrationOutput } from '../flow/journey-runner';
import { toFlowError } from './api-error';
import { callApi } from './client';

type Calls = { [N in RegistrationOperationName]: (input: RegistrationInput<N>) => Promise<RegistrationOutput<N>> };

const calls: Calls = {
  checkAvailability: (input) => callApi(registrationOperations.checkAvailability, input),
  requestCode: (input) => callApi(registrationOperations.requestCode, input),
  answerCaptcha: (input) => callApi(registrationOperations.answerCaptcha, input),
  confirmCode: (input) => callApi(registrationOperations.confirmCode, input),
  confirmPin: (input) => callApi(registrationOperations.confirmPin, input),
  recoverPin: (input) => callApi(registrationOperations.recoverPin, input),
  confirmTransfer: (input) => callApi(registrationOperations.confirmTransfer, input),
  requestUnbanning: (input) => callApi(registrationOperations.requestUnbanning, input),
};

/** The journey runner's calls in the browser: through the proxy, every failure as a flow error. */
export const registrationCall: RegistrationCall = async (name, input) => {
  const send: Calls[typeof name] = calls[name];
  try {
    return { ok: true, value: await send(input) };
  } catch (error) {
    return { ok: false, error: toFlowError(error) };
  }
};
