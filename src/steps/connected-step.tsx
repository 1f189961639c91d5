import { LazyConnectedScreen } from '../account/lazy-connected-screen';
import type { StateOf } from '../flow/state';
import type { RegistrationActions } from '../flow/journey-runner';

/** The journey's last step: the connected screen, with the number the journey just connected. */
export function ConnectedStep({ state, actions }: { state: StateOf<'connected'>; actions: RegistrationActions }) {
  return <LazyConnectedScreen phone={state.phone} onStartOver={actions.startOver} />;
}
