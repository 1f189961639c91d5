import { readyAt } from '../../flow/deadlines';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { StepFrame } from '../../ui/step-frame';
import { Button } from '../../ui/button';
import { Countdown } from '../../ui/countdown';
import { ErrorAlert } from '../../ui/error-alert';
import { useNow } from '../../ui/use-now';
import type { RegistrationActions } from '../../flow/journey-runner';
import { WaitAnnouncer } from '../wait-announcer';
import { LeaveStep } from './leave-step';

/**
 * A code request whose answer never arrived. The code may be on its way, so nothing is resent:
 * the operator either types the code or asks the provider about the number again.
 */
export function OutcomeUnknownStep({ state, actions }: { state: StateOf<'codeOutcomeUnknown'>; actions: RegistrationActions }) {
  const { t, rich } = useI18n();
  const resendAt = readyAt(state.code, state.method);
  const now = useNow([resendAt]);
  return (
    <StepFrame heading={t('unknown.heading')}>
      {state.error ? <ErrorAlert error={state.error} onStartOver={actions.startOver} /> : null}
      <p className="text-ink">
        {t('unknown.body', { method: t(`code.via.${state.method}`), phone: formatPhone(state.phone) })}
      </p>
      {resendAt !== null && now < resendAt ? (
        <p className="text-sm text-muted">
          {rich('unknown.wait', { time: <Countdown deadline={resendAt} now={now} /> })}
        </p>
      ) : null}
      <WaitAnnouncer deadline={resendAt} now={now} />
      <div className="flex flex-wrap gap-3">
        <Button onClick={actions.enterCode}>{t('unknown.haveCode')}</Button>
        <Button variant="secondary" onClick={actions.recheck}>
          {t('unknown.recheck')}
        </Button>
      </div>
      <LeaveStep actions={actions} />
    </StepFrame>
  );
}
