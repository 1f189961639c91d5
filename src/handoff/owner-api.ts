import { handoffOwnerOperations } from '../contract/handoff';
import { callApi } from '../api/client';

/** The owner's calls: each carries the link's token in its body, never in the address. */
export const ownerApi = {
  open: (token: string) => callApi(handoffOwnerOperations.openHandoff, { token }),
  code: (token: string, code: string) => callApi(handoffOwnerOperations.submitHandoffCode, { token, code }),
  pin: (token: string, pin: string) => callApi(handoffOwnerOperations.submitHandoffPin, { token, pin }),
  recoverPin: (token: string) => callApi(handoffOwnerOperations.recoverHandoffPin, { token }),
};
