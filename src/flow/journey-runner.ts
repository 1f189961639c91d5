import type { z } from 'zod/mini';
import type { DeliveryMethod, PhoneNumber } from '../contract/common';
import type { registrationOperations } from '../contract/registration-operations';
import { dispatcher } from './dispatch';
import type { FlowEvent } from './events';
import type { FlowError } from './state';
import type { FlowStore } from './store';

type RegistrationOperations = typeof registrationOperations;
export type RegistrationOperationName = keyof RegistrationOperations;
export type RegistrationInput<N extends RegistrationOperationName> = z.input<RegistrationOperations[N]['request']>;
export type RegistrationOutput<N extends RegistrationOperationName> = z.output<RegistrationOperations[N]['response']>;

/** A call's answer as the journey sees it: the contract's value, or a failure it can show and act on. */
export type CallAnswer<T> = { ok: true; value: T } | { ok: false; error: FlowError };

/** How the runner reaches the proxy: the browser's client, or the demo's stand-in in a Node test. */
export type RegistrationCall = <N extends RegistrationOperationName>(name: N, input: RegistrationInput<N>) => Promise<CallAnswer<RegistrationOutput<N>>>;

export interface Clock {
  now(): number;
}

/** What the screens can ask of the journey: intents, never requests. */
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

export interface JourneyRunner extends RegistrationActions {
  /** Settles once every call sent so far has been answered and its answer applied. */
  idle: () => Promise<void>;
}

/**
 * The only place where the journey talks to the proxy, outside React. Each intent first asks the
 * machine; only if the machine accepts the event (the step allows it, the method's wait is over,
 * nothing else is in flight) does the request go out, and its answer comes back as an event. A
 * double click sends one request, never two; an answer reaches the machine even if the screen that
 * asked is gone.
 */
export function createJourneyRunner(store: FlowStore, call: RegistrationCall, clock: Clock): JourneyRunner {
  const dispatch = dispatcher(store);
  // Calls go out one after another (the machine already refuses a second while one is pending).
  let queue: Promise<void> = Promise.resolve();

  function send<N extends RegistrationOperationName>(name: N, input: RegistrationInput<N>, toEvent: (value: RegistrationOutput<N>, now: number) => FlowEvent): void {
    queue = queue.then(async () => {
      // A call answers failures as values; one that throws all the same is a failure the operator can retry.
      const answer = await call(name, input).catch((): CallAnswer<never> => ({ ok: false, error: { code: 'NETWORK' } }));
      dispatch(answer.ok ? toEvent(answer.value, clock.now()) : { type: 'REQUEST_FAILED', error: answer.error, now: clock.now() });
    });
  }

  return {
    submitPhone: (phone) => {
      if (dispatch({ type: 'PHONE_SUBMITTED', phone })) send('checkAvailability', phone, (result, now) => ({ type: 'AVAILABILITY_RESOLVED', result, now }));
    },
    requestCode: (method) => {
      const { phone } = store.getState();
      if (phone && dispatch({ type: 'CODE_REQUESTED', method, now: clock.now() })) {
        send('requestCode', { ...phone, method }, (result, now) => ({ type: 'CODE_REQUEST_RESOLVED', result, now }));
      }
    },
    answerCaptcha: (answer) => {
      if (dispatch({ type: 'CAPTCHA_SUBMITTED' })) send('answerCaptcha', { answer }, (result, now) => ({ type: 'CAPTCHA_RESOLVED', result, now }));
    },
    confirmCode: (code) => {
      if (dispatch({ type: 'CODE_SUBMITTED' })) send('confirmCode', { code }, (result) => ({ type: 'CODE_RESOLVED', result }));
    },
    confirmPin: (pin) => {
      if (dispatch({ type: 'PIN_SUBMITTED' })) send('confirmPin', { pin }, (result) => ({ type: 'PIN_RESOLVED', result }));
    },
    recoverPin: () => {
      if (dispatch({ type: 'PIN_RECOVERY_REQUESTED' })) send('recoverPin', {}, (result) => ({ type: 'PIN_RECOVERY_RESOLVED', result }));
    },
    confirmTransfer: () => {
      if (dispatch({ type: 'TRANSFER_CONFIRMED' })) send('confirmTransfer', {}, (result) => ({ type: 'TRANSFER_RESOLVED', result }));
    },
    appeal: (description) => {
      if (dispatch({ type: 'APPEAL_SUBMITTED' })) send('requestUnbanning', { description }, (result) => ({ type: 'APPEAL_RESOLVED', result }));
    },
    recheck: () => {
      const { phone } = store.getState();
      if (phone && dispatch({ type: 'RECHECK_REQUESTED' })) send('checkAvailability', phone, (result, now) => ({ type: 'AVAILABILITY_RESOLVED', result, now }));
    },
    enterCode: () => dispatch({ type: 'CODE_ENTRY_CHOSEN' }),
    chooseOtherMethod: () => dispatch({ type: 'OTHER_METHOD_CHOSEN' }),
    changeNumber: () => dispatch({ type: 'CHANGE_NUMBER' }),
    startOver: () => dispatch({ type: 'START_OVER' }),
    idle: () => queue,
  };
}
