import { Suspense, use } from 'react';
import { LazyConnectedScreen } from '../account/lazy-connected-screen';
import { Loading } from '../account/loading';
import { AllMessages } from '../app/all-messages';
import { preloadable } from '../app/preloadable';
import type { LinkView, ModeEvent } from '../flow/mode';

/**
 * Linking is its own chunk, with the phone step it shares with the journey: the first screen needs
 * neither. The boot fetches it early, so choosing "link" does not wait.
 */
export const loadLinking = preloadable(() =>
  Promise.all([import('./linking-screen'), import('../steps/phone/phone-step')]).then(([linking, phone]) => ({
    LinkingScreen: linking.LinkingScreen,
    PhoneStep: phone.PhoneStep,
  })),
);

interface LinkingProps {
  view: LinkView;
  dispatch: (event: ModeEvent) => void;
}

function Linking({ view, dispatch }: LinkingProps) {
  const { LinkingScreen, PhoneStep } = use(loadLinking());
  return (
    <LinkingScreen
      view={view}
      dispatch={dispatch}
      PhoneEntry={PhoneStep}
      connected={(phone) => <LazyConnectedScreen phone={phone} onStartOver={() => dispatch({ type: 'BACK_TO_CHOICE' })} justLinked />}
    />
  );
}

export function LazyLinking(props: LinkingProps) {
  return (
    <Suspense fallback={<Loading />}>
      <AllMessages>
        <Linking {...props} />
      </AllMessages>
    </Suspense>
  );
}
