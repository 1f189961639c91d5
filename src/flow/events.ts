import type { DeliveryMethod, PhoneNumber } from '../contract/common';
import type {
  AppealResult,
  AvailabilityResult,
  CaptchaResult,
  CodeConfirmationResult,
  CodeRequestResult,
  PinConfirmationResult,
  PinRecoveryResult,
  TransferConfirmationResult,
} from '../contract/registration';
import type { FlowError, FlowState } from './state';

/**
 * Everything that can happen to the journey. `*_SUBMITTED`/`*_REQUESTED` events start a provider call
 * (the state shows it pending); `*_RESOLVED` and `REQUEST_FAILED` end it. Events that depend on time
 * carry `now`, so the reducer stays pure.
 */
export type FlowEvent =
  | { type: 'PHONE_SUBMITTED'; phone: PhoneNumber }
  | { type: 'AVAILABILITY_RESOLVED'; result: AvailabilityResult; now: number }
  | { type: 'CODE_REQUESTED'; method: DeliveryMethod; now: number }
  | { type: 'CODE_REQUEST_RESOLVED'; result: CodeRequestResult; now: number }
  | { type: 'CAPTCHA_SUBMITTED' }
  | { type: 'CAPTCHA_RESOLVED'; result: CaptchaResult; now: number }
  | { type: 'CODE_SUBMITTED' }
  | { type: 'CODE_RESOLVED'; result: CodeConfirmationResult }
  | { type: 'PIN_SUBMITTED' }
  | { type: 'PIN_RESOLVED'; result: PinConfirmationResult }
  | { type: 'PIN_RECOVERY_REQUESTED' }
  | { type: 'PIN_RECOVERY_RESOLVED'; result: PinRecoveryResult }
  | { type: 'TRANSFER_CONFIRMED' }
  | { type: 'TRANSFER_RESOLVED'; result: TransferConfirmationResult }
  | { type: 'APPEAL_SUBMITTED' }
  | { type: 'APPEAL_RESOLVED'; result: AppealResult }
  | { type: 'REQUEST_FAILED'; error: FlowError; now: number }
  /** From an unknown outcome: check the number again instead of resending. */
  | { type: 'RECHECK_REQUESTED' }
  /** "I already have a code": go to code entry without asking for another. */
  | { type: 'CODE_ENTRY_CHOSEN' }
  /** From code entry: pick a method again (resend or switch). */
  | { type: 'OTHER_METHOD_CHOSEN' }
  | { type: 'CHANGE_NUMBER' }
  /** At start, with nothing in this tab: the journey as the proxy keeps it (another tab or browser began it). */
  | { type: 'RESUMED'; state: FlowState }
  | { type: 'START_OVER' };
