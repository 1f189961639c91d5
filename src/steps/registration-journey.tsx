import type { HandoffStep } from '../contract/journey';
import type { Step } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { LazyHandoffPanel } from '../handoff/lazy-handoff-panel';
import { OwnerEntryNotice } from '../handoff/owner-entry-notice';
import { LazyWhatHappened } from '../timeline/lazy-what-happened';
import { useFlowState } from '../app/use-flow-state';
import { AppealInReviewStep, AppealStep, UnbannedStep } from './branches/appeal-step';
import { BlockedStep } from './branches/blocked-step';
import { CaptchaStep } from './branches/captcha-step';
import { OutcomeUnknownStep } from './branches/outcome-unknown-step';
import { PinStep } from './branches/pin-step';
import { TransferStep } from './branches/transfer-step';
import { UnavailableStep } from './branches/unavailable-step';
import { CodeStep } from './code/code-step';
import { MethodStep } from './code/method-step';
import { ConnectedStep } from './connected-step';
import { PhoneStep } from './phone/phone-step';
import type { RegistrationActions } from '../flow/journey-runner';
import { useRegistrationActions } from './use-registration-actions';
import type { FlowState } from '../flow/state';
import type { MessageKey } from '../i18n/messages';
import { Stepper } from '../ui/stepper';

export { resumeFromProxy } from './resume-from-proxy';

/**
 * Renders the screen of the current state. A step and its pending twin share one screen (and one
 * component instance), so what the operator typed stays while the request runs.
 */
export function RegistrationJourney({ store }: { store: FlowStore }) {
  const state = useFlowState(store);
  const handoffStep = handoffStepOf(state.step);
  return (
    <>
      <JourneyStep store={store} />
      <OwnerEntryNotice step={state.step} />
      {handoffStep ? <LazyHandoffPanel key={handoffStep} store={store} step={handoffStep} /> : null}
      <LazyWhatHappened />
    </>
  );
}

/** The steps a hand-off link can serve: the code, and the two-step PIN after it. */
function handoffStepOf(step: Step): HandoffStep | null {
  if (step === 'awaitingCode' || step === 'confirmingCode') return 'code';
  if (step === 'awaitingPin' || step === 'confirmingPin' || step === 'recoveringPin') return 'pin';
  return null;
}

function JourneyStep({ store }: { store: FlowStore }) {
  const state = useFlowState(store);
  const actions = useRegistrationActions(store);
  const stage = journeyStage(state.step);
  return (
    <>
      {stage === null ? null : <Stepper steps={journeySteps} current={stage} />}
      <JourneyScreen state={state} actions={actions} />
    </>
  );
}

const journeySteps: readonly MessageKey[] = ['stepper.number', 'stepper.code', 'stepper.checks', 'stepper.connected'];

/** Where a step sits on the stepper; dead ends (banned, blocked, not available) show none. */
export function journeyStage(step: FlowState['step']): number | null {
  switch (step) {
    case 'phoneEntry':
    case 'checkingAvailability':
      return 0;
    case 'choosingMethod':
    case 'requestingCode':
    case 'awaitingCode':
    case 'confirmingCode':
    case 'codeOutcomeUnknown':
    case 'solvingCaptcha':
    case 'submittingCaptcha':
      return 1;
    case 'awaitingPin':
    case 'confirmingPin':
    case 'recoveringPin':
    case 'awaitingTransfer':
    case 'confirmingTransfer':
      return 2;
    case 'connected':
      return 3;
    default:
      return null;
  }
}

function JourneyScreen({ state, actions }: { state: FlowState; actions: RegistrationActions }) {
  switch (state.step) {
    case 'phoneEntry':
    case 'checkingAvailability':
      return <PhoneStep state={state} actions={actions} />;
    case 'choosingMethod':
    case 'requestingCode':
      return <MethodStep state={state} actions={actions} />;
    case 'awaitingCode':
    case 'confirmingCode':
      return <CodeStep state={state} actions={actions} />;
    case 'codeOutcomeUnknown':
      return <OutcomeUnknownStep state={state} actions={actions} />;
    case 'solvingCaptcha':
    case 'submittingCaptcha':
      return <CaptchaStep state={state} actions={actions} />;
    case 'awaitingPin':
    case 'confirmingPin':
    case 'recoveringPin':
      return <PinStep state={state} actions={actions} />;
    case 'awaitingTransfer':
    case 'confirmingTransfer':
      return <TransferStep state={state} actions={actions} />;
    case 'bannedAppealable':
    case 'submittingAppeal':
      return <AppealStep state={state} actions={actions} />;
    case 'appealInReview':
      return <AppealInReviewStep state={state} actions={actions} />;
    case 'unbanned':
      return <UnbannedStep state={state} actions={actions} />;
    case 'blockedNoAppeal':
      return <BlockedStep state={state} actions={actions} />;
    case 'unavailable':
      return <UnavailableStep state={state} actions={actions} />;
    case 'connected':
      return <ConnectedStep state={state} actions={actions} />;
  }
}
