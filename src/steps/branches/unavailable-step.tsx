import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { StatusFrame } from '../../ui/status-frame';
import { ClockIcon } from '../../ui/icons/clock';
import { Nowrap } from '../../ui/nowrap';
import { Button } from '../../ui/button';
import { Countdown } from '../../ui/countdown';
import { useNow } from '../../ui/use-now';
import type { RegistrationActions } from '../../flow/journey-runner';
import { LeaveStep } from './leave-step';

/** The provider's reason as a plain sentence, what to do, and a new check once it is allowed. */
export function UnavailableStep({ state, actions }: { state: StateOf<'unavailable'>; actions: RegistrationActions }) {
  const { t, rich } = useI18n();
  const now = useNow([state.retryAt]);
  const waiting = state.retryAt !== null && now < state.retryAt;
  return (
    <StatusFrame heading={t('unavailable.heading')} status={{ tone: 'warning', Icon: ClockIcon }}>
      <p className="text-ink">{rich(`unavailable.reason.${state.reason}`, { phone: <Nowrap>{formatPhone(state.phone)}</Nowrap> })}</p>
      <p className="text-muted">{t('unavailable.whatNext')}</p>
      {waiting && state.retryAt !== null ? (
        <p className="text-ink">
          {rich('unavailable.retryIn', { time: <Countdown deadline={state.retryAt} now={now} large /> })}
        </p>
      ) : null}
      <div>
        <Button disabled={waiting} onClick={() => actions.submitPhone(state.phone)}>
          {t('unavailable.retry')}
        </Button>
      </div>
      <LeaveStep actions={actions} />
    </StatusFrame>
  );
}
