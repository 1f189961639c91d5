import { render } from '@testing-library/react';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/app';
import { createFlowStore } from '../flow/store';
import { initialState, type FlowState } from '../flow/state';
import { enFirst } from '../i18n/locales/en/first';
import type { StartMode } from '../linking/start-choice';

/**
 * The whole console as a user meets it, with a fresh query client and flow store. It starts past
 * the first screen's choice, in the registration journey, unless `startMode` says otherwise. Like
 * the boot, it hands over the first screen's words only: the later screens fetch theirs.
 */
export function renderApp(state: FlowState = initialState, startMode: StartMode = 'register') {
  const store = createFlowStore(state);
  const view = render(<App queryClient={createQueryClient()} store={store} locale="en" messages={enFirst} demo={false} startMode={startMode} />);
  return { ...view, store };
}
