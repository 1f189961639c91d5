import type { FlowStore } from '../flow/store';
import { useFlowState } from '../app/use-flow-state';
import { CodeStep } from './code/code-step';
import { MethodStep } from './code/method-step';
import { ConnectedStep } from './connected-step';
import { LaterStep } from './later-step';
import { PhoneStep } from './phone/phone-step';
import { useRegistrationActions } from './use-registration-actions';

/**
 * Renders the screen of the current state. A step and its pending twin share one screen (and one
 * component instance), so what the operator typed stays while the request runs.
 */
export function RegistrationJourney({ store }: { store: FlowStore }) {
  const state = useFlowState(store);
  const actions = useRegistrationActions(store);
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
    case 'connected':
      return <ConnectedStep state={state} actions={actions} />;
    default:
      return <LaterStep actions={actions} />;
  }
}
