import { Suspense, use } from 'react';
import { LazyConnectedScreen } from '../account/lazy-connected-screen';
import { Loading } from '../account/loading';
import { AllMessages } from '../app/all-messages';
import { preloadable } from '../app/preloadable';

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

function Linking({ onStartOver }: { onStartOver: () => void }) {
  const { LinkingScreen, PhoneStep } = use(loadLinking());
  return (
    <LinkingScreen
      onStartOver={onStartOver}
      PhoneEntry={PhoneStep}
      connected={(phone) => <LazyConnectedScreen phone={phone} onStartOver={onStartOver} justLinked />}
    />
  );
}

export function LazyLinking({ onStartOver }: { onStartOver: () => void }) {
  return (
    <Suspense fallback={<Loading />}>
      <AllMessages>
        <Linking onStartOver={onStartOver} />
      </AllMessages>
    </Suspense>
  );
}
