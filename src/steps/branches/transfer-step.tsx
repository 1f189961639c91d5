import { useId } from 'react';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { StepFrame } from '../../ui/step-frame';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import type { RegistrationActions } from '../../flow/journey-runner';
import { LeaveStep } from './leave-step';

const steps = ['transfer.step1', 'transfer.step2', 'transfer.step3'] as const;

export function TransferStep({
  state,
  actions,
}: {
  state: StateOf<'awaitingTransfer'> | StateOf<'confirmingTransfer'>;
  actions: RegistrationActions;
}) {
  const { t } = useI18n();
  const id = useId();
  const pending = state.step === 'confirmingTransfer';
  const notice = state.step === 'awaitingTransfer' ? state.notice : null;
  const error = state.step === 'awaitingTransfer' ? state.error : null;
  return (
    <StepFrame heading={t('transfer.heading')}>
      <p className="text-muted">{t('transfer.intro', { phone: formatPhone(state.phone) })}</p>
      <div>
        <h3 id={`${id}-steps`} className="font-semibold text-ink">
          {t('transfer.steps')}
        </h3>
        <ol aria-labelledby={`${id}-steps`} className="mt-2 list-decimal space-y-1 pl-6 text-ink">
          {steps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </div>
      {notice === 'not-accepted-yet' ? <Alert tone="info">{t('transfer.notYet')}</Alert> : null}
      {error ? <ErrorAlert error={error} onRetry={actions.confirmTransfer} onStartOver={actions.startOver} /> : null}
      <div>
        <Button pending={pending} onClick={actions.confirmTransfer}>
          {pending ? t('transfer.confirming') : t('transfer.accepted')}
        </Button>
      </div>
      <LeaveStep actions={actions} disabled={pending} />
    </StepFrame>
  );
}
