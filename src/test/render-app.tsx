import { render } from '@testing-library/react';
import { createQueryClient } from '../api/query-client';
import { App } from '../app/app';
import { createFlowStore } from '../flow/store';
import { initialState, type FlowState } from '../flow/state';
import { en } from '../i18n/locales/en';

/** The whole console as a user meets it, with a fresh query client and flow store. */
export function renderApp(state: FlowState = initialState) {
  const store = createFlowStore(state);
  const view = render(<App queryClient={createQueryClient()} store={store} locale="en" messages={en} demo={false} />);
  return { ...view, store };
}
