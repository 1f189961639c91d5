import { useMemo } from 'react';
import { registrationCall } from '../api/registration';
import { createJourneyRunner, type RegistrationActions } from '../flow/journey-runner';
import type { FlowStore } from '../flow/store';

const systemClock = { now: () => Date.now() };

/** The journey runner for this store, as the screens use it: intents in, state out through the store. */
export function useRegistrationActions(store: FlowStore): RegistrationActions {
  return useMemo(() => createJourneyRunner(store, registrationCall, systemClock), [store]);
}
