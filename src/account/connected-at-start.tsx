import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isFreshStart } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { useI18n } from '../i18n/i18n-context';
import { statusAtStart } from './start-check';
import { LazyConnectedScreen } from './lazy-connected-screen';
import { Loading } from './loading';

/**
 * Placed in front of the journey. On a fresh start (no journey in progress) it asks the instance's
 * status once; a connected instance opens the connected screen instead of the phone step. A journey
 * in progress, a disconnected instance or any failure of the check shows the journey unchanged.
 */
export function ConnectedAtStart({ store, children }: { store: FlowStore; children: ReactNode }) {
  const { t } = useI18n();
  const [fresh] = useState(() => isFreshStart(store.getState()));
  const [leftConnected, setLeftConnected] = useState(false);
  const check = useQuery({ ...statusAtStart, enabled: fresh });

  if (!fresh || leftConnected) return children;
  if (check.isPending) return <Loading text={t('account.start.checking')} />;
  if (check.data?.connected) return <LazyConnectedScreen phone={null} onStartOver={() => setLeftConnected(true)} />;
  return children;
}
