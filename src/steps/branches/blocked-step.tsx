import type { StateOf } from '../../flow/state';
import { StatusFrame } from '../../ui/status-frame';
import { BanIcon } from '../../ui/icons/ban';
import { Nowrap } from '../../ui/nowrap';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import type { RegistrationActions } from '../../flow/journey-runner';
import { LeaveStep } from './leave-step';

/** No appeal and no retry: the only ways on are another number or a clean start. */
export function BlockedStep({ state, actions }: { state: StateOf<'blockedNoAppeal'>; actions: RegistrationActions }) {
  const { t, rich } = useI18n();
  return (
    <StatusFrame heading={t('blocked.heading')} status={{ tone: 'danger', Icon: BanIcon }}>
      <p className="text-ink">{rich('blocked.body', { phone: <Nowrap>{formatPhone(state.phone)}</Nowrap> })}</p>
      <p className="text-muted">{t('blocked.next')}</p>
      <LeaveStep actions={actions} changeLabel={t('blocked.otherNumber')} />
    </StatusFrame>
  );
}
