import { useQuery } from '@tanstack/react-query';
import type { PinStatus } from '../contract/account';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { accountKeys, accountMutations, accountQueries } from './account-api';
import { ConfirmRemoval } from './confirm-removal';
import { PinForm } from './pin-form';
import { SecuritySection, type SectionFlow } from './security-section';

export function PinSection({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useI18n();
  const query = useQuery(accountQueries.pin);
  return (
    <SecuritySection title={t('account.pin.heading')} query={query} onStartOver={onStartOver}>
      {(status, flow) => <PinState status={status} flow={flow} onStartOver={onStartOver} />}
    </SecuritySection>
  );
}

function PinState({ status, flow, onStartOver }: { status: PinStatus; flow: SectionFlow; onStartOver: () => void }) {
  const { t } = useI18n();
  if (!status.hasPin) {
    return (
      <>
        <p className="text-ink">{t('account.pin.none')}</p>
        <PinForm onSaved={flow.finish} onStartOver={onStartOver} />
      </>
    );
  }
  if (flow.mode === 'change') return <PinForm onSaved={flow.finish} onCancel={() => flow.finish(null)} onStartOver={onStartOver} />;
  if (flow.mode === 'remove') {
    return (
      <ConfirmRemoval
        removal={accountMutations.removePin}
        queryKey={accountKeys.pin}
        question={t('account.pin.removeQuestion')}
        warning={t('account.pin.removeWarning')}
        confirmLabel={t('account.pin.remove')}
        pendingLabel={t('account.pin.removing')}
        removedKey="account.pin.removed"
        flow={flow}
        onStartOver={onStartOver}
      />
    );
  }
  return (
    <>
      <p className="text-ink">{t('account.pin.set')}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button variant="secondary" onClick={() => flow.open('change')}>
          {t('account.pin.change')}
        </Button>
        <Button variant="dangerLink" onClick={() => flow.open('remove')}>
          {t('account.pin.remove')}
        </Button>
      </div>
    </>
  );
}
