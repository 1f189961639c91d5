import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { toFlowError } from '../api/api-error';
import { registrationMutations } from '../api/registration';
import type { DeliveryMethod, PhoneNumber } from '../contract/common';
import type { FlowEvent } from '../flow/events';
import { dispatcher, type Dispatch } from '../flow/dispatch';
import type { FlowStore } from '../flow/store';

export interface RegistrationActions {
  submitPhone: (phone: PhoneNumber) => void;
  requestCode: (method: DeliveryMethod) => void;
  answerCaptcha: (answer: string) => void;
  confirmCode: (code: string) => void;
  confirmPin: (pin: string) => void;
  recoverPin: () => void;
  confirmTransfer: () => void;
  appeal: (description: string) => void;
  recheck: () => void;
  enterCode: () => void;
  chooseOtherMethod: () => void;
  changeNumber: () => void;
  startOver: () => void;
}

/**
 * The only place where the journey talks to the proxy. Each action first asks the machine; only
 * if the machine accepts the event (the step allows it, the method's wait is over, nothing else is
 * in flight) does the request go out — so a double click sends one request, never two.
 */
export function useRegistrationActions(store: FlowStore): RegistrationActions {
  const dispatch = useMemo(() => dispatcher(store), [store]);
  const checkAvailability = useFlowMutation(dispatch, registrationMutations.checkAvailability, (result, now) => ({
    type: 'AVAILABILITY_RESOLVED',
    result,
    now,
  }));
  const requestCode = useFlowMutation(dispatch, registrationMutations.requestCode, (result, now) => ({
    type: 'CODE_REQUEST_RESOLVED',
    result,
    now,
  }));
  const answerCaptcha = useFlowMutation(dispatch, registrationMutations.answerCaptcha, (result, now) => ({
    type: 'CAPTCHA_RESOLVED',
    result,
    now,
  }));
  const confirmCode = useFlowMutation(dispatch, registrationMutations.confirmCode, (result) => ({ type: 'CODE_RESOLVED', result }));
  const confirmPin = useFlowMutation(dispatch, registrationMutations.confirmPin, (result) => ({ type: 'PIN_RESOLVED', result }));
  const recoverPin = useFlowMutation(dispatch, registrationMutations.recoverPin, (result) => ({
    type: 'PIN_RECOVERY_RESOLVED',
    result,
  }));
  const confirmTransfer = useFlowMutation(dispatch, registrationMutations.confirmTransfer, (result) => ({
    type: 'TRANSFER_RESOLVED',
    result,
  }));
  const requestUnbanning = useFlowMutation(dispatch, registrationMutations.requestUnbanning, (result) => ({
    type: 'APPEAL_RESOLVED',
    result,
  }));

  return useMemo<RegistrationActions>(
    () => ({
      submitPhone: (phone) => {
        if (dispatch({ type: 'PHONE_SUBMITTED', phone })) checkAvailability(phone);
      },
      requestCode: (method) => {
        const before = store.getState();
        if (before.phone && dispatch({ type: 'CODE_REQUESTED', method, now: Date.now() })) {
          requestCode({ ...before.phone, method });
        }
      },
      answerCaptcha: (answer) => {
        if (dispatch({ type: 'CAPTCHA_SUBMITTED' })) answerCaptcha({ answer });
      },
      confirmCode: (code) => {
        if (dispatch({ type: 'CODE_SUBMITTED' })) confirmCode({ code });
      },
      confirmPin: (pin) => {
        if (dispatch({ type: 'PIN_SUBMITTED' })) confirmPin({ pin });
      },
      recoverPin: () => {
        if (dispatch({ type: 'PIN_RECOVERY_REQUESTED' })) recoverPin({});
      },
      confirmTransfer: () => {
        if (dispatch({ type: 'TRANSFER_CONFIRMED' })) confirmTransfer({});
      },
      appeal: (description) => {
        if (dispatch({ type: 'APPEAL_SUBMITTED' })) requestUnbanning({ description });
      },
      recheck: () => {
        const before = store.getState();
        if (before.phone && dispatch({ type: 'RECHECK_REQUESTED' })) checkAvailability(before.phone);
      },
      enterCode: () => dispatch({ type: 'CODE_ENTRY_CHOSEN' }),
      chooseOtherMethod: () => dispatch({ type: 'OTHER_METHOD_CHOSEN' }),
      changeNumber: () => dispatch({ type: 'CHANGE_NUMBER' }),
      startOver: () => dispatch({ type: 'START_OVER' }),
    }),
    [store, dispatch, checkAvailability, requestCode, answerCaptcha, confirmCode, confirmPin, recoverPin, confirmTransfer, requestUnbanning],
  );
}

/**
 * A provider mutation whose answer becomes a flow event. The callbacks sit on the mutation itself,
 * so the answer reaches the machine even if the screen that asked is no longer shown.
 */
function useFlowMutation<TData, TVariables>(
  dispatch: Dispatch,
  options: UseMutationOptions<TData, Error, TVariables>,
  toEvent: (result: TData, now: number) => FlowEvent,
): (variables: TVariables) => void {
  const { mutate } = useMutation({
    ...options,
    onSuccess: (result) => {
      dispatch(toEvent(result, Date.now()));
    },
    onError: (error) => {
      dispatch({ type: 'REQUEST_FAILED', error: toFlowError(error), now: Date.now() });
    },
  });
  return mutate;
}
