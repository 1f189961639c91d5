import { lazy, Suspense } from 'react';
import { LazyConnectedScreen } from '../account/lazy-connected-screen';
import { Loading } from '../account/loading';
import { PhoneStep } from '../steps/phone/phone-step';

/** Linking is its own chunk: only operators who keep WhatsApp on the phone load it. */
const LinkingScreen = lazy(() => import('./linking-screen').then((module) => ({ default: module.LinkingScreen })));

export function LazyLinking({ onStartOver }: { onStartOver: () => void }) {
  return (
    <Suspense fallback={<Loading />}>
      <LinkingScreen
        onStartOver={onStartOver}
        PhoneEntry={PhoneStep}
        connected={(phone) => <LazyConnectedScreen phone={phone} onStartOver={onStartOver} />}
      />
    </Suspense>
  );
}
